using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Events;

/// <summary>One event: its speakers, whom the program team adds and takes off, and its attendees, registered and checked in.</summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class DetailsModel(VouchDbContext db, EventQueries queries, EventPlanner planner, CurrentUser user, IStringLocalizer<Strings> text)
    : PageModel
{
    public const int AttendeesShown = 200;

    public EventResponse Event { get; private set; } = null!;
    public Paged<AttendeeResponse> Attendees { get; private set; } = null!;
    public bool MayManage { get; private set; }
    public string? Error { get; private set; }

    [BindProperty]
    public SpeakerForm Speaker { get; set; } = new();

    [BindProperty]
    public AttendeeForm Attendee { get; set; } = new();

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => ShowAsync(id, ct);

    public Task<IActionResult> OnPostSpeakerAsync(Guid id, CancellationToken ct) => ManageAsync(id, async () =>
    {
        if (await ContactByEmailAsync(Speaker.Email, ct) is not { } contactId)
        {
            return Refusal.Invalid("email", $"No contact has the email '{Speaker.Email}'.");
        }
        return (await planner.AddSpeakerAsync(id, new SpeakerInput(contactId, Speaker.CreditHours), ct)).Refusal;
    }, text["The speaker was added: the ask of their time and the give of the stage are in their ledger."], ct);

    public Task<IActionResult> OnPostRemoveSpeakerAsync(Guid id, Guid speakerId, CancellationToken ct) => ManageAsync(id,
        async () => (await planner.RemoveSpeakerAsync(id, speakerId, ct)).Refusal,
        text["The speaker was taken off; their ask and give are released."], ct);

    public Task<IActionResult> OnPostRegisterAsync(Guid id, CancellationToken ct) => ManageAsync(id, async () =>
    {
        var input = await ContactByEmailAsync(Attendee.Email, ct) is { } contactId
            ? new AttendeeInput(contactId, null, null, null, null, Attendee.Role)
            : new AttendeeInput(null, Attendee.Name, Attendee.Email, Attendee.Company, null, Attendee.Role);
        return (await planner.RegisterAsync(id, input, ct)).Refusal;
    }, text["Registered."], ct);

    public Task<IActionResult> OnPostCheckInAsync(Guid id, Guid attendeeId, CancellationToken ct) => ManageAsync(id,
        async () => (await planner.CheckInAsync(id, new CheckInInput(attendeeId), ct)).Refusal, text["Checked in."], ct);

    private async Task<Guid?> ContactByEmailAsync(string? email, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }
        // As typed first, which the email index finds; then in any casing.
        var trimmed = email.Trim();
        var lower = trimmed.ToLowerInvariant();
        return await db.Contacts.Where(c => c.Email == trimmed).OrderBy(c => c.Id).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct)
            ?? await db.Contacts.Where(c => c.Email != null && c.Email.ToLower() == lower).OrderBy(c => c.Id).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
    }

    private async Task<IActionResult> ManageAsync(Guid id, Func<Task<Refusal?>> act, LocalizedString notice, CancellationToken ct)
    {
        if (!await user.MayAsync(EventsModule.ManageEvents))
        {
            return Forbid();
        }
        var binding = ModelState.BindingErrors("Speaker");
        var refusal = binding.IsEmpty ? await act() : Refusal.Invalid(binding);
        if (refusal is null)
        {
            TempData["Notice"] = notice.Value;
            return Redirect($"/events/{id}");
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
        if (await queries.FindAsync(id, ct) is not { } found)
        {
            return NotFound();
        }
        Event = found;
        Attendees = (await queries.AttendeesAsync(id, new PageQuery { PageSize = AttendeesShown }, ct))!;
        MayManage = await user.MayAsync(EventsModule.ManageEvents);
        return Page();
    }
}
