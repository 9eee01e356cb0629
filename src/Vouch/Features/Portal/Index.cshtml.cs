using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Notifications;
using Vouch.Features.Requests;
using Vouch.Web;

namespace Vouch.Features.Portal;

/// <summary>The advocate's own page: the asks waiting for their answer.</summary>
public sealed class IndexModel(VouchDbContext db, RequestWorkflow workflow, NotificationInbox inbox, CurrentUser user, PortalAdvocate advocate) : PageModel
{
    public sealed record Ask(Guid Id, string Activity, string? Industry, DateOnly NeededBy, string? UseCase, string Requester);

    public sealed record Upcoming(Guid Id, string Activity, string Requester, DateTimeOffset? ScheduledFor);

    public IReadOnlyList<Ask> Asks { get; private set; } = [];

    /// <summary>What the advocate said yes to and has still to do.</summary>
    public IReadOnlyList<Upcoming> Agreed { get; private set; } = [];
    public Paged<NotificationResponse> Notifications { get; private set; } = null!;
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct) =>
        AnswerAsync(actor => workflow.AcceptAsync(actor, id, ct), "Thank you! The seller will schedule it with you.", ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, string? reason, CancellationToken ct) =>
        AnswerAsync(actor => workflow.DeclineAsync(actor, id, new ReasonBody(reason), ct), "No problem: we will not ask you for this one.", ct);

    private async Task<IActionResult> AnswerAsync(Func<RequestActor, Task<CommandResult>> answer, string notice, CancellationToken ct)
    {
        var answered = await answer(await RequestActor.OfAsync(user, await ContactIdAsync(ct)));
        if (answered.Succeeded)
        {
            TempData["Notice"] = notice;
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
        var contactId = await ContactIdAsync(ct);
        Asks = contactId is null ? [] : await db.ReferenceRequests.AsNoTracking()
            .Where(r => r.ContactId == contactId && r.AdvocateAskedAt != null && r.Status == RequestStatus.OwnerApproved)
            .OrderBy(r => r.NeededBy)
            .Select(r => new Ask(r.Id, r.ActivityType!.Name, r.Opportunity == null ? null : r.Opportunity.Account!.Industry!.Name, r.NeededBy, r.UseCase, r.Requester!.DisplayName))
            .ToListAsync(ct);
        Agreed = contactId is null ? [] : await db.ReferenceRequests.AsNoTracking()
            .Where(r => r.ContactId == contactId && (r.Status == RequestStatus.Accepted || r.Status == RequestStatus.Scheduled))
            .OrderBy(r => r.ScheduledFor == null).ThenBy(r => r.ScheduledFor).ThenBy(r => r.NeededBy)
            .Select(r => new Upcoming(r.Id, r.ActivityType!.Name, r.Requester!.DisplayName, r.ScheduledFor))
            .ToListAsync(ct);
    }

    private Task<Guid?> ContactIdAsync(CancellationToken ct) => advocate.ContactIdAsync(ct);
}
