using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.DirectMessages;

/// <summary>
/// The signed-in user links their Slack member or Teams workflow, sends themselves a test and sees their latest direct
/// messages; admins also see how direct messages go for everyone.
/// </summary>
public sealed class IndexModel(DirectMessageLinks links, CurrentUser user, IStringLocalizer<Strings> text) : PageModel
{
    public DirectMessageLinkResponse Mine { get; private set; } = null!;
    public DirectMessageStatusResponse? Status { get; private set; }
    public Refusal? Refusal { get; private set; }
    public string Email => user.Email;

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public Task<IActionResult> OnPostSlackAsync(string? slackMemberId, CancellationToken ct) =>
        LinkAsync(new DirectMessageLinkBody(SlackMemberId: slackMemberId ?? ""), text["Slack is linked."], ct);

    public Task<IActionResult> OnPostFindSlackAsync(CancellationToken ct) =>
        LinkAsync(new DirectMessageLinkBody(FindSlackByEmail: true), text["Slack found you by your email and is linked."], ct);

    public Task<IActionResult> OnPostUnlinkSlackAsync(CancellationToken ct) =>
        LinkAsync(new DirectMessageLinkBody(SlackMemberId: ""), text["Slack is unlinked."], ct);

    public Task<IActionResult> OnPostTeamsAsync(string? teamsWorkflowUrl, CancellationToken ct) =>
        LinkAsync(new DirectMessageLinkBody(TeamsWorkflowUrl: teamsWorkflowUrl ?? ""), text["Teams is linked."], ct);

    public Task<IActionResult> OnPostUnlinkTeamsAsync(CancellationToken ct) =>
        LinkAsync(new DirectMessageLinkBody(TeamsWorkflowUrl: ""), text["Teams is unlinked."], ct);

    public Task<IActionResult> OnPostTestAsync(CancellationToken ct) =>
        this.SaveFormAsync(() => links.TestAsync(user.Id, ct), _ => ("/direct-messages", text["A test message is on its way."].Value), Refused(ct));

    private Task<IActionResult> LinkAsync(DirectMessageLinkBody body, LocalizedString notice, CancellationToken ct) =>
        this.SaveFormAsync(() => links.UpdateAsync(user.Id, body, ct), _ => ("/direct-messages", notice.Value), Refused(ct));

    private Func<Refusal, Task<IActionResult>> Refused(CancellationToken ct) => refusal =>
    {
        Refusal = refusal;
        return ShowAsync(ct);
    };

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Mine = await links.GetAsync(user.Id, ct);
        Status = await user.MayAsync(Policies.Administer) ? await links.StatusAsync(ct) : null;
        return Page();
    }
}
