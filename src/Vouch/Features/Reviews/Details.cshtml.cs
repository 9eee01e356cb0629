using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Resources;

namespace Vouch.Features.Reviews;

/// <summary>
/// One campaign: its progress, the incentive's disclosure, each invitee's state, and the advocates it may invite now;
/// the reference team invites, reminds once, records the review's link and verifies it.
/// </summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class DetailsModel(ReviewQueries queries, ReviewCampaigns campaigns, CurrentUser user, IStringLocalizer<Strings> text) : PageModel
{
    public ReviewCampaignResponse Campaign { get; private set; } = null!;
    public IReadOnlyList<InvitationResponse> Invitations { get; private set; } = [];
    public IReadOnlyList<EligibleReviewer> Eligible { get; private set; } = [];
    public bool MayManage { get; private set; }
    public string? Error { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => ShowAsync(id, ct);

    public Task<IActionResult> OnPostInviteAsync(Guid id, List<Guid> contactIds, CancellationToken ct) =>
        ManageAsync(id, async () => (await campaigns.InviteAsync(id, new InviteInput(contactIds), ct)).Refusal,
            contactIds.Count == 1 ? text["Invited: the review is an ask in their ledger."] : text["{0} advocates invited: each review is an ask in their ledger.", contactIds.Count], ct);

    public Task<IActionResult> OnPostRemindAsync(Guid id, Guid invitationId, CancellationToken ct) =>
        StepAsync(id, invitationId, InvitationStep.Remind, text["Reminded. An invitee is reminded once only."], ct);

    public Task<IActionResult> OnPostReviewAsync(Guid id, Guid invitationId, string? reviewUrl, CancellationToken ct) =>
        ManageAsync(id, async () => (await campaigns.RecordReviewAsync(id, invitationId, new ReviewInput(reviewUrl, null), ct)).Refusal,
            text["The review is recorded; verify it on the site."], ct);

    public Task<IActionResult> OnPostVerifyAsync(Guid id, Guid invitationId, CancellationToken ct) =>
        StepAsync(id, invitationId, InvitationStep.Verify, text["Verified: the review counts, and the ask is completed in their ledger."], ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid invitationId, CancellationToken ct) =>
        StepAsync(id, invitationId, InvitationStep.Withdraw, text["The invitation is withdrawn; the ask is released."], ct);

    private Task<IActionResult> StepAsync(Guid id, Guid invitationId, InvitationStep step, string notice, CancellationToken ct) =>
        ManageAsync(id, async () => (await campaigns.StepAsync(step, id, invitationId, user.Email, ct)).Refusal, notice, ct);

    private async Task<IActionResult> ManageAsync(Guid id, Func<Task<Refusal?>> act, string notice, CancellationToken ct)
    {
        if (!await user.MayAsync(Policies.ManageInventory))
        {
            return Forbid();
        }
        var refusal = await act();
        if (refusal is null)
        {
            TempData["Notice"] = notice;
            return Redirect($"/reviews/{id}");
        }
        if (refusal.Kind == RefusalKind.NotFound)
        {
            return NotFound();
        }
        Error = refusal.Message;
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } campaign)
        {
            return NotFound();
        }
        Campaign = campaign;
        MayManage = await user.MayAsync(Policies.ManageInventory);
        Invitations = await queries.InvitationsAsync(id, ct) ?? [];
        if (MayManage)
        {
            var eligible = await queries.EligibleAsync(id, ReviewQueries.DefaultEligibleShown, ct);
            Eligible = eligible.Succeeded ? eligible.Value : [];
        }
        return Page();
    }
}
