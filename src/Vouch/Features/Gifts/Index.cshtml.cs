using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vouch.Data;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Gifts;

/// <summary>Gifts: those awaiting approval first, then every gift; record one against the policy; approve or refuse.</summary>
[Authorize(Policy = GiftsModule.ManageGifts)]
public sealed class IndexModel(GiftRegister gifts, VouchDbContext db, IStringLocalizer<Strings> text) : PageModel
{
    public sealed record ContactOption(Guid Id, string Name);

    public Paged<GiftResponse> Gifts { get; private set; } = null!;
    public IReadOnlyList<GiftResponse> Awaiting { get; private set; } = [];
    public GiftPolicyResponse Policy { get; private set; } = null!;
    public Guid? ContactId { get; private set; }
    public string? ContactName { get; private set; }
    public IReadOnlyList<ContactOption> Contacts { get; private set; } = [];
    public GiftInput? Typed { get; private set; }
    public Refusal? Refusal { get; private set; }

    /// <summary>The gift a decision was refused for, and why.</summary>
    public (Guid Id, Refusal Refusal)? DecisionRefusal { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid? contactId, int? page, CancellationToken ct) => ShowAsync(contactId, page, ct);

    public async Task<IActionResult> OnPostAsync(
        Guid? contactId, string? description, decimal? value, string? currency, DateOnly? givenOn, string? occasion,
        string? exceptionReason, Guid? requestId, Guid? opportunityId, CancellationToken ct)
    {
        var typed = new GiftInput(contactId, description, value, currency, givenOn, occasion, requestId, opportunityId, exceptionReason);
        return await this.SaveFormAsync(
            () => gifts.RecordAsync(typed, ct),
            gift => ($"/gifts?contactId={gift.ContactId}", gift.State == nameof(GiftState.Given)
                ? text["The gift \"{0}\" to {1} was recorded and counts as a give.", gift.Description, gift.Contact].Value
                : text["The gift \"{0}\" to {1} waits for approval: {2}", gift.Description, gift.Contact, gift.WaitsBecause ?? ""].Value),
            async refusal =>
            {
                (Typed, Refusal) = (typed, refusal);
                return await ShowAsync(contactId, null, ct);
            });
    }

    public Task<IActionResult> OnPostApproveAsync(Guid id, string? note, Guid? version, CancellationToken ct) =>
        DecideAsync(id, () => gifts.ApproveAsync(id, new GiftDecision(note, version), ct),
            gift => text["The gift \"{0}\" to {1} was approved.", gift.Description, gift.Contact].Value, ct);

    public Task<IActionResult> OnPostRefuseAsync(Guid id, string? note, Guid? version, CancellationToken ct) =>
        DecideAsync(id, () => gifts.RefuseAsync(id, new GiftDecision(note, version), ct),
            gift => text["The gift \"{0}\" to {1} was refused.", gift.Description, gift.Contact].Value, ct);

    private Task<IActionResult> DecideAsync(Guid id, Func<Task<CommandResult<GiftResponse>>> decide, Func<GiftResponse, string> done, CancellationToken ct) =>
        this.SaveFormAsync(
            decide,
            gift => ("/gifts", done(gift)),
            async refusal =>
            {
                DecisionRefusal = (id, refusal);
                return await ShowAsync(null, null, ct);
            });

    private async Task<IActionResult> ShowAsync(Guid? contactId, int? page, CancellationToken ct)
    {
        var listed = await gifts.ListAsync(new PageQuery { Page = page }, contactId, null, ct);
        if (!listed.Succeeded)
        {
            return BadRequest();
        }
        Gifts = listed.Value;
        Awaiting = (await gifts.ListAsync(new PageQuery { PageSize = PageQuery.MaxPageSize }, null, nameof(GiftState.AwaitingApproval), ct)).Value!.Items;
        Policy = await gifts.PolicyResponseAsync(ct);
        ContactId = contactId;
        if (contactId is { } id)
        {
            ContactName = await db.Contacts.Where(c => c.Id == id).Select(c => c.FirstName + " " + c.LastName).SingleOrDefaultAsync(ct);
        }
        else
        {
            // Whom a gift may go to: the advocates, those who agreed to be asked or have been.
            Contacts = await db.Contacts.AsNoTracking()
                .Where(c => c.AgreedActivities.Any() || db.Engagements.Any(e => e.ContactId == c.Id))
                .OrderBy(c => c.LastName).ThenBy(c => c.FirstName).Take(500)
                .Select(c => new ContactOption(c.Id, c.FirstName + " " + c.LastName + " (" + c.Account!.Name + ")"))
                .ToListAsync(ct);
        }
        return Page();
    }
}
