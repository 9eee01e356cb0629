using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Features.Notifications;
using Vouch.Features.Requests;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Portal;

/// <summary>The advocate's own page: the asks waiting for their answer, and what they agreed to.</summary>
public sealed class IndexModel(PortalAsks portalAsks, RequestWorkflow workflow, NotificationInbox inbox, CurrentUser user, PortalAdvocate advocate, IStringLocalizer<Strings> text) : PageModel
{
    public IReadOnlyList<PortalAsk> Asks { get; private set; } = [];
    public IReadOnlyList<PortalAsk> Waiting => [.. Asks.Where(a => a.Status == PortalAsks.Waiting)];

    /// <summary>What the advocate said yes to and has still to do.</summary>
    public IReadOnlyList<PortalAsk> Agreed => [.. Asks.Where(a => a.Status != PortalAsks.Waiting)];
    public Paged<NotificationResponse> Notifications { get; private set; } = null!;
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Accepts, with up to three times that suit the advocate, in UTC as the form says.</summary>
    public Task<IActionResult> OnPostAcceptAsync(Guid id, DateTime?[]? times, CancellationToken ct) =>
        AnswerAsync(actor => workflow.AcceptAsync(actor, id, new AcceptBody(Utc(times)), ct), "Thank you! The seller will schedule it with you.", ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, string? reason, CancellationToken ct) =>
        AnswerAsync(actor => workflow.DeclineAsync(actor, id, new ReasonBody(reason), ct), "No problem: we will not ask you for this one.", ct);

    private async Task<IActionResult> AnswerAsync(Func<RequestActor, Task<CommandResult>> answer, string notice, CancellationToken ct)
    {
        var answered = await answer(await RequestActor.OfAsync(user, await advocate.ContactIdAsync(ct)));
        if (answered.Succeeded)
        {
            TempData["Notice"] = text[notice].Value;
            return RedirectToPage();
        }
        if (answered.Refusal.Kind == RefusalKind.NotFound)
        {
            return NotFound();
        }
        Error = answered.Refusal.Message;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Notifications = await inbox.PageAsync(user.Id, new PageQuery { PageSize = Dashboard.IndexModel.NotificationsShown }, ct);
        Asks = await advocate.ContactIdAsync(ct) is { } contactId ? await portalAsks.ListAsync(contactId, ct) : [];
    }

    private static List<DateTimeOffset> Utc(DateTime?[]? times) =>
        [.. (times ?? []).OfType<DateTime>().Select(t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)))];
}
