using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Web;

namespace Vouch.Features.Value;

/// <summary>One account's or contact's value with every line behind it, and the settings it was worked out with.</summary>
public sealed record EngagementValueResponse(
    Guid AccountId,
    Guid? ContactId,
    string Name,
    decimal? AnnualGrossProfit,
    ValuePart LifetimeValue,
    ValuePart ReferralValue,
    ValuePart InfluenceValue,
    ValuePart KnowledgeValue,
    decimal? EngagementValue,
    decimal? Multiple,
    string? Reason,
    string Attribution);

/// <summary>A customer in the "who is worth most" list, as last worked out.</summary>
public sealed record CustomerValueRow(
    Guid AccountId, string Name, string? Segment, string? Industry, double? LifetimeValue, double ReferralValue, double InfluenceValue,
    double KnowledgeValue, double? EngagementValue, double? Multiple, DateTimeOffset ComputedAt);

/// <summary>The referral and influence value a segment or an industry's customers produce.</summary>
public sealed record GroupValueRow(string Group, int Customers, double ReferralValue, double InfluenceValue, double Total);

/// <summary>An advocate's value beyond buying against the hours asked of them.</summary>
public sealed record AdvocateUseRow(Guid ContactId, string Name, Guid AccountId, string Account, double Value, double AskHours, double? ValuePerAskHour);

/// <summary>Under- and over-used advocates, and the program's typical value per hour asked they are measured against.</summary>
public sealed record AdvocateUse(double? TypicalValuePerAskHour, IReadOnlyList<AdvocateUseRow> UnderUsed, IReadOnlyList<AdvocateUseRow> OverUsed);

/// <summary>The orders of the customers list.</summary>
public enum ValueSort { EngagementValue, Multiple }

/// <summary>The filters of <c>GET /api/v1/value/customers</c>.</summary>
public sealed record CustomerValueFilter
{
    /// <summary>engagementValue (the default) or multiple, highest first.</summary>
    public string? Sort { get; init; }

    /// <summary>SmallBusiness, MidMarket or Enterprise.</summary>
    public string? Segment { get; init; }

    public void Validate(ValidationErrors errors)
    {
        EnumText.Optional<ValueSort>(Sort, "sort", errors);
        EnumText.Optional<Segment>(Segment, "segment", errors);
    }
}

/// <summary>
/// The value of one account or contact, worked out on read; and the "who is worth most" lists, read from the stored
/// values. Sellers see the value of the accounts they own, and of their contacts; another's is not there for them.
/// </summary>
public sealed class ValueQueries(VouchDbContext db, ValueReader reader, ValueSettingsStore settings, CurrentUser user)
{
    /// <summary>How many advocates each use list shows.</summary>
    public const int AdvocatesShown = 25;

    /// <summary>An advocate is under-used whose value per hour asked is this many times the program's typical, or who was never asked.</summary>
    public const double UnderUsedFactor = 2;

    /// <summary>An advocate is over-used whose value per hour asked is under the typical divided by this.</summary>
    public const double OverUsedFactor = 2;

    /// <summary>Whether the user sees every account's value; a seller sees their own accounts'.</summary>
    public ValueTask<bool> ReadsAllAsync() => user.MayAsync(Policies.ReadReports);

    public async Task<EngagementValueResponse?> OfAccountAsync(Guid accountId, CancellationToken ct)
    {
        var account = await Visible(await ReadsAllAsync()).Where(a => a.Id == accountId).Select(a => new { a.Name, a.GrossProfit }).SingleOrDefaultAsync(ct);
        if (account is null)
        {
            return null;
        }
        var model = await settings.CurrentAsync(ct);
        var facts = (await reader.ForAccountsAsync([accountId], model, ct))[accountId];
        return ResponseOf(accountId, null, account.Name, ValueModel.Of(facts, model), facts, model);
    }

    public async Task<EngagementValueResponse?> OfContactAsync(Guid contactId, CancellationToken ct)
    {
        var readsAll = await ReadsAllAsync();
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Id == contactId && (readsAll || c.Account!.OwnerId == user.Id))
            .Select(c => new { c.AccountId, c.FirstName, c.LastName }).SingleOrDefaultAsync(ct);
        if (contact is null)
        {
            return null;
        }
        var model = await settings.CurrentAsync(ct);
        var facts = (await reader.ForContactAsync(contactId, model, ct))!;
        return ResponseOf(contact.AccountId, contactId, $"{contact.FirstName} {contact.LastName}", ValueModel.Of(facts, model), facts, model);
    }

    /// <summary>Customers with a value, highest first; a seller's own customers only.</summary>
    public async Task<Paged<CustomerValueRow>> CustomersAsync(PageQuery page, CustomerValueFilter filter, CancellationToken ct)
    {
        var values = db.Set<AccountValue>().AsNoTracking().Customers();
        if (!await ReadsAllAsync())
        {
            var me = user.Id;
            values = values.Where(v => v.OwnerId == me);
        }
        if (EnumText.ParseOrNull<Segment>(filter.Segment) is { } segment)
        {
            values = values.Where(v => v.Segment == segment);
        }
        // The page's values first, in their index's order, and then their accounts' names (AccountValueOrder).
        var ranked = values.Ranked(EnumText.ParseOrNull<ValueSort>(filter.Sort) ?? ValueSort.EngagementValue);
        var total = await ranked.CountAsync(ct);
        var rows = await ranked.Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        var ids = rows.Select(v => v.AccountId).ToList();
        var accounts = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Name, Industry = a.Industry!.Name }).ToDictionaryAsync(a => a.Id, ct);
        List<CustomerValueRow> items = [.. rows.Where(v => accounts.ContainsKey(v.AccountId)).Select(v => new CustomerValueRow(
            v.AccountId, accounts[v.AccountId].Name, v.Segment?.ToString(), accounts[v.AccountId].Industry, v.Lifetime, v.Referral, v.Influence,
            v.Knowledge, v.Engagement, v.Multiple, v.ComputedAt))];
        return new Paged<CustomerValueRow>(items, total, page.PageNumber, page.Size);
    }

    /// <summary>Each segment's customers' referral and influence value, most first.</summary>
    public async Task<IReadOnlyList<GroupValueRow>> SegmentsAsync(CancellationToken ct)
    {
        var rows = await db.Set<AccountValue>().AsNoTracking().Customers()
            .GroupBy(v => v.Segment)
            .Select(g => new { g.Key, Customers = g.Count(), Referral = g.Sum(v => v.Referral), Influence = g.Sum(v => v.Influence) })
            .ToListAsync(ct);
        return [.. rows.Select(r => Group(r.Key?.ToString() ?? "No segment", r.Customers, r.Referral, r.Influence)).OrderByDescending(r => r.Total).ThenBy(r => r.Group, StringComparer.Ordinal)];
    }

    /// <summary>Each industry's customers' referral and influence value, most first.</summary>
    public async Task<IReadOnlyList<GroupValueRow>> IndustriesAsync(CancellationToken ct)
    {
        var rows = await db.Set<AccountValue>().AsNoTracking().Customers()
            .GroupBy(v => v.IndustryId)
            .Select(g => new { g.Key, Customers = g.Count(), Referral = g.Sum(v => v.Referral), Influence = g.Sum(v => v.Influence) })
            .ToListAsync(ct);
        var names = await db.Industries.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        return [.. rows.Select(r => Group(r.Key is { } id && names.TryGetValue(id, out var name) ? name : "No industry", r.Customers, r.Referral, r.Influence))
            .OrderByDescending(r => r.Total).ThenBy(r => r.Group, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Advocates whose value per hour asked is far above the program's typical (or who were never asked) and those far
    /// below it: whom to ask more, and whom to spare.
    /// </summary>
    public async Task<AdvocateUse> AdvocatesAsync(CancellationToken ct)
    {
        // Compared with a parameter so SQLite seeks its indexes, as AccountValueOrder.Customers explains.
        var advocate = true;
        var advocates = db.Set<ContactValue>().AsNoTracking().Where(v => v.IsAdvocate == advocate);
        var totals = await advocates.GroupBy(v => 1).Select(g => new { Value = g.Sum(v => v.Beyond), Hours = g.Sum(v => v.AskHours) }).SingleOrDefaultAsync(ct);
        double? typical = totals is { Hours: > 0 } ? Math.Round(totals.Value / totals.Hours, 2) : null;
        var (high, low) = typical is { } t ? (t * UnderUsedFactor, t / OverUsedFactor) : (double.MaxValue, double.MinValue);
        var under = await Rows(advocates.Where(v => v.Beyond > 0 && (v.PerAskHour == null || v.PerAskHour >= high))
            .OrderByDescending(v => v.Beyond).ThenBy(v => v.ContactId)).ToListAsync(ct);
        var over = await Rows(advocates.Where(v => v.AskHours > 0 && v.PerAskHour <= low)
            .OrderByDescending(v => v.AskHours).ThenBy(v => v.ContactId)).ToListAsync(ct);
        return new AdvocateUse(typical, under, over);
    }

    private IQueryable<AdvocateUseRow> Rows(IQueryable<ContactValue> values) =>
        values.Take(AdvocatesShown).Select(v => new AdvocateUseRow(v.ContactId,
            db.Contacts.Where(c => c.Id == v.ContactId).Select(c => c.FirstName + " " + c.LastName).FirstOrDefault() ?? "", v.AccountId,
            db.Accounts.Where(a => a.Id == v.AccountId).Select(a => a.Name).FirstOrDefault() ?? "", v.Beyond, v.AskHours, v.PerAskHour));

    private IQueryable<Account> Visible(bool readsAll)
    {
        var me = user.Id;
        return readsAll ? db.Accounts.AsNoTracking() : db.Accounts.AsNoTracking().Where(a => a.OwnerId == me);
    }

    private static GroupValueRow Group(string name, int customers, double referral, double influence) =>
        new(name, customers, Math.Round(referral, 2), Math.Round(influence, 2), Math.Round(referral + influence, 2));

    private static EngagementValueResponse ResponseOf(Guid accountId, Guid? contactId, string name, EngagementValue value, ValueFacts facts, ValueModelSettings model) =>
        new(accountId, contactId, name, facts.AnnualGrossProfit, value.Lifetime, value.Referral, value.Influence, value.Knowledge,
            value.Engagement, value.Multiple, value.Reason, model.Attribution.ToString());
}
