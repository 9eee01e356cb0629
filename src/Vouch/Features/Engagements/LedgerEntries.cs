using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Web;

namespace Vouch.Features.Engagements;

/// <summary>
/// A contact's ledger as people read it (the reference team on the contact's page, the advocate in their history, the
/// "Owed a give" report), and gives recorded by hand. Every balance comes from <see cref="Ledger"/>.
/// </summary>
public sealed class LedgerEntries(VouchDbContext db, Ledger ledger)
{
    public const decimal MaxCreditHours = 1_000;

    /// <summary>The advocate's history shows at most this many entries, newest first.</summary>
    public const int HistoryShown = 200;

    public static readonly Refusal ContactNotFound = Refusal.NotFound("The contact");

    public async Task<CommandResult<LedgerResponse>> LedgerAsync(Guid contactId, PageQuery page, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        page.Validate(errors);
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        if (!await IsKnownAsync(contactId, ct))
        {
            return ContactNotFound;
        }
        var entries = Entries(contactId);
        var total = await entries.CountAsync(ct);
        var items = await Items(entries.Skip(page.Skip).Take(page.Size)).ToListAsync(ct);
        return new LedgerResponse(items, total, page.PageNumber, page.Size, await BalanceAsync(contactId, ct));
    }

    public async Task<BalanceResponse> BalanceAsync(Guid contactId, CancellationToken ct) =>
        BalanceResponse.Of(await ledger.BalanceAsync(contactId, ct), ledger.Options.OwedAfterHours);

    /// <summary>Records a give the reference team made by hand (an introduction, a seat), delivered on its day.</summary>
    public async Task<CommandResult<LedgerItem>> RecordGiveAsync(Guid contactId, GiveInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Required("title", input.Title, Engagement.TitleMaxLength);
        if (input.CreditHours is not { } hours)
        {
            errors.Add("creditHours", "creditHours is required: what the give is worth to the advocate in hours of their time.");
        }
        else if (hours <= 0 || hours > MaxCreditHours || decimal.Round(hours, 2) != hours)
        {
            errors.Add("creditHours", $"creditHours must be more than 0 and at most {MaxCreditHours:0}, with at most two decimals.");
        }
        var on = input.On ?? ledger.Today;
        if (on > ledger.Today)
        {
            errors.Add("on", "on cannot be in the future: record a give once it is given.");
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var contact = await KnownContacts().Where(c => c.Id == contactId).Select(c => new { c.Id, c.AccountId }).SingleOrDefaultAsync(ct);
        if (contact is null)
        {
            return ContactNotFound;
        }
        var give = NewGive(contact.Id, contact.AccountId, input.Title!.Trim(), input.CreditHours!.Value, on);
        db.Engagements.Add(give);
        await db.SaveChangesAsync(ct);
        return (await Items(db.Engagements.Where(e => e.Id == give.Id)).SingleAsync(ct));
    }

    /// <summary>A delivered give, as every feature that gives writes it to the ledger (hand-recorded, a gift).</summary>
    public static Engagement NewGive(Guid contactId, Guid accountId, string title, decimal creditHours, DateOnly on, Guid? giftId = null) => new()
    {
        ContactId = contactId,
        AccountId = accountId,
        Kind = EngagementKind.Give,
        Status = EngagementStatus.Completed,
        Title = title,
        CreditHours = creditHours,
        GiftId = giftId,
        At = new DateTimeOffset(on.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
    };

    /// <summary>
    /// Advocates by hours asked beyond hours given over the window, owed first, added up in SQL; with
    /// <paramref name="owedOnly"/>, only those owed a give.
    /// </summary>
    public async Task<CommandResult<Paged<OwedAdvocate>>> OwedReportAsync(PageQuery page, bool owedOnly, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        page.Validate(errors);
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var known = KnownContacts();
        var rows = ledger.Aggregated(db.Engagements.Where(e => known.Any(c => c.Id == e.ContactId)));
        if (owedOnly)
        {
            rows = ledger.Owed(rows);
        }
        var total = await rows.CountAsync(ct);
        var shown = await rows.OrderByDescending(r => r.AskedHours - r.GivenHours).ThenBy(r => r.ContactId)
            .Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        var ids = shown.Select(r => r.ContactId).ToList();
        var names = await db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.FirstName, c.LastName, Account = c.Account!.Name })
            .ToDictionaryAsync(c => c.Id, ct);
        var owedAfter = ledger.Options.OwedAfterHours;
        return new Paged<OwedAdvocate>(
            [.. shown.Select(r => (Row: r, Balance: ledger.ToBalance(r), Who: names[r.ContactId]))
                .Select(x => new OwedAdvocate(x.Row.ContactId, $"{x.Who.FirstName} {x.Who.LastName}", x.Who.Account,
                    x.Balance.AskedHours - x.Balance.GivenHours, BalanceResponse.Of(x.Balance, owedAfter)))],
            total, page.PageNumber, page.Size);
    }

    /// <summary>
    /// What the advocate did for us (asks scheduled or completed) and what they received (gives delivered), newest
    /// first, with their balance: the advocate's own view, so never a note.
    /// </summary>
    public async Task<HistoryResponse> HistoryAsync(Guid contactId, CancellationToken ct) => new(
        await History(contactId).Take(HistoryShown).ToListAsync(ct),
        await BalanceAsync(contactId, ct));

    /// <summary>One line of the advocate's own history; another advocate's is not there.</summary>
    public async Task<CommandResult<HistoryItem>> HistoryItemAsync(Guid contactId, Guid id, CancellationToken ct) =>
        (await History(contactId, id).SingleOrDefaultAsync(ct)).OrNotFound("The history entry");

    /// <summary>Asks scheduled or completed and gives delivered, of the contact only; with <paramref name="id"/>, that one.</summary>
    private IQueryable<HistoryItem> History(Guid contactId, Guid? id = null) =>
        Entries(contactId)
            .Where(e => id == null || e.Id == id)
            .Where(e => (e.Kind == EngagementKind.Ask && (e.Status == EngagementStatus.Completed || e.Status == EngagementStatus.Scheduled))
                || (e.Kind == EngagementKind.Give && e.Status == EngagementStatus.Completed))
            .Select(e => new HistoryItem(
                e.Id,
                e.Kind == EngagementKind.Ask ? nameof(EngagementKind.Ask) : nameof(EngagementKind.Give),
                e.Title ?? e.ActivityType!.Name,
                e.Status == EngagementStatus.Completed ? nameof(EngagementStatus.Completed) : nameof(EngagementStatus.Scheduled),
                e.At,
                e.Kind == EngagementKind.Ask ? (decimal?)e.ActivityType!.EffortHours ?? 0 : e.CreditHours ?? 0));

    /// <summary>Live contacts; an erased contact is gone for this purpose as a deleted one is.</summary>
    private IQueryable<Contact> KnownContacts() =>
        db.Contacts.Where(c => !(c.FirstName == PersonalData.ErasedFirstName && c.LastName == PersonalData.ErasedLastName));

    private Task<bool> IsKnownAsync(Guid contactId, CancellationToken ct) => KnownContacts().AnyAsync(c => c.Id == contactId, ct);

    private IOrderedQueryable<Engagement> Entries(Guid contactId) =>
        db.Engagements.AsNoTracking().Where(e => e.ContactId == contactId).OrderByDescending(e => e.At).ThenByDescending(e => e.Id);

    private static IQueryable<LedgerItem> Items(IQueryable<Engagement> entries) => entries.Select(e => new LedgerItem(
        e.Id,
        e.Kind == EngagementKind.Ask ? nameof(EngagementKind.Ask) : nameof(EngagementKind.Give),
        e.Status == EngagementStatus.Reserved ? nameof(EngagementStatus.Reserved)
            : e.Status == EngagementStatus.Scheduled ? nameof(EngagementStatus.Scheduled)
            : e.Status == EngagementStatus.Completed ? nameof(EngagementStatus.Completed)
            : nameof(EngagementStatus.Released),
        e.At,
        e.Title ?? e.ActivityType!.Name,
        e.ActivityType == null ? null : e.ActivityType.Name,
        e.RequestId,
        e.Kind == EngagementKind.Ask ? (decimal?)e.ActivityType!.EffortHours ?? 0 : e.CreditHours ?? 0,
        e.OfferId,
        e.GiftId));
}
