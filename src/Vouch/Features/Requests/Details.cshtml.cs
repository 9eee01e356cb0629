using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Resources;

namespace Vouch.Features.Requests;

/// <summary>One request: its timeline, the advocates that fit while one is to be proposed, and the current step's buttons.</summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class DetailsModel(RequestQueries queries, RequestWorkflow workflow, CurrentUser user, IStringLocalizer<Strings> text) : PageModel
{
    public RequestResponse Reference { get; private set; } = null!;
    public MatchesResponse? Matches { get; private set; }
    public string? Error { get; private set; }

    /// <summary>Whether the deal's page is there for the caller: the seller who asked, or those who read every deal.</summary>
    public bool SeesDeal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await ShowAsync(id, ct);

    public Task<IActionResult> OnPostAssignAsync(Guid id, Guid? contactId, CancellationToken ct) =>
        StepAsync(id, actor => workflow.AssignAsync(actor, id, new AssignBody(contactId), ct), text["The advocate is proposed and their time reserved."], ct);

    public Task<IActionResult> OnPostOwnerConsentAsync(Guid id, string? decision, string? reason, CancellationToken ct) =>
        StepAsync(id, actor => workflow.OwnerConsentAsync(actor, id, new OwnerConsentBody(decision, reason), ct), text["Your answer is recorded."], ct);

    public Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct) =>
        StepAsync(id, actor => workflow.AcceptAsync(actor, id, null, ct), text["Accepted on the advocate's behalf."], ct);

    public Task<IActionResult> OnPostDeclineAsync(Guid id, string? reason, CancellationToken ct) =>
        StepAsync(id, actor => workflow.DeclineAsync(actor, id, new ReasonBody(reason), ct), text["Declined on the advocate's behalf."], ct);

    public Task<IActionResult> OnPostScheduleAsync(Guid id, DateTime? at, CancellationToken ct) =>
        StepAsync(id, actor => workflow.ScheduleAsync(actor, id,
            new ScheduleBody(Utc(at)), ct), text["Scheduled."], ct);

    public Task<IActionResult> OnPostRescheduleAsync(Guid id, DateTime? at, CancellationToken ct) =>
        StepAsync(id, actor => workflow.RescheduleAsync(actor, id, new ScheduleBody(Utc(at)), ct), text["Moved: everyone invited gets the new time."], ct);

    public Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken ct) =>
        StepAsync(id, actor => workflow.CompleteAsync(actor, id, ct), text["Marked as done. Tell us how it went."], ct);

    public Task<IActionResult> OnPostFeedbackAsync(Guid id, bool? happened, int? rating, bool? helped, string? notes, CancellationToken ct) =>
        StepAsync(id, actor => workflow.FeedbackAsync(actor, id, new FeedbackBody(happened, rating, helped, notes), ct), text["Thank you: the feedback is recorded."], ct);

    public Task<IActionResult> OnPostCancelAsync(Guid id, string? reason, CancellationToken ct) =>
        StepAsync(id, actor => workflow.CancelAsync(actor, id, new ReasonBody(reason), ct), text["The request is cancelled."], ct);

    /// <summary>The form's time, which the page asks for in UTC.</summary>
    private static DateTimeOffset? Utc(DateTime? at) => at is { } when ? new DateTimeOffset(DateTime.SpecifyKind(when, DateTimeKind.Utc)) : null;

    private async Task<IActionResult> StepAsync(Guid id, Func<RequestActor, Task<CommandResult>> step, string notice, CancellationToken ct)
    {
        var taken = await step(await RequestActor.OfAsync(user));
        if (taken.Succeeded)
        {
            TempData["Notice"] = notice;
            return RedirectToPage(new { id });
        }
        if (taken.Refusal.Kind == RefusalKind.NotFound)
        {
            return NotFound();
        }
        if (taken.Refusal.Kind == RefusalKind.Forbidden)
        {
            return Forbid();
        }
        Error = taken.Refusal.Message;
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        var actor = await RequestActor.OfAsync(user);
        if (await queries.FindAsync(actor, id, ct) is not { } request)
        {
            return NotFound();
        }
        Reference = request;
        SeesDeal = actor.ReadsAll || request.RequesterId == actor.UserId;
        if (request.Actions.Contains(WaitingOn.Assign))
        {
            Matches = await queries.MatchesAsync(actor, id, ct);
        }
        return Page();
    }
}
