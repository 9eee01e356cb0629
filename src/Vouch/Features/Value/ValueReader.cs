using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.BuyerJourney;
using Vouch.Features.Engagements;
using Vouch.Features.Events;
using Vouch.Features.Ideas;
using Vouch.Features.Referrals;
using Vouch.Features.Reviews;

namespace Vouch.Features.Value;

/// <summary>
/// Reads the records behind the value of accounts or of one contact into the engine's <see cref="ValueFacts"/>: the
/// referrals they made that became won deals, the hours of their completed asks, the won deals they touched (with every
/// other touch of those deals, to share them with), delivered ideas and beta feedback. Every query starts from the
/// subject's accounts or contact, or from the deals found, by an index, so one account costs a few narrow reads.
/// </summary>
public sealed class ValueReader(VouchDbContext db)
{
    public const string BetaFeedbackKey = "beta-feedback";

    private sealed record DealRow(Guid Id, string Name, string Account, Guid AccountId, decimal Amount, DateOnly ClosedOn, decimal? Revenue, decimal? Profit);

    private sealed record TouchRow(Guid DealId, Guid ContactId, Guid AccountId, string Contact, string Key, Influence Influence, DateOnly On, string What);

    /// <summary>The facts of each account given that is there; the others are left out.</summary>
    public async Task<IReadOnlyDictionary<Guid, ValueFacts>> ForAccountsAsync(IReadOnlyCollection<Guid> accountIds, ValueModelSettings settings, CancellationToken ct)
    {
        var profits = await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).Select(a => new { a.Id, a.GrossProfit }).ToListAsync(ct);
        var facts = await ReadAsync(accountIds, settings, ct);
        return profits.ToDictionary(a => a.Id, a => facts(a.Id, null, a.GrossProfit));
    }

    /// <summary>
    /// The facts of each account given and of each of their contacts, with the account's gross profit as what a contact
    /// is worth as a buyer: read once for the accounts, then taken apart by who did what.
    /// </summary>
    public async Task<(IReadOnlyDictionary<Guid, ValueFacts> Accounts, IReadOnlyDictionary<Guid, (Guid AccountId, ValueFacts Facts)> Contacts)> ForAccountsAndContactsAsync(
        IReadOnlyCollection<Guid> accountIds, ValueModelSettings settings, CancellationToken ct)
    {
        var profits = await db.Accounts.IgnoreQueryFilters().AsNoTracking().Where(a => accountIds.Contains(a.Id)).Select(a => new { a.Id, a.GrossProfit }).ToListAsync(ct);
        var contacts = await db.Contacts.IgnoreQueryFilters().AsNoTracking().Where(c => accountIds.Contains(c.AccountId)).Select(c => new { c.Id, c.AccountId }).ToListAsync(ct);
        var facts = await ReadAsync(accountIds, settings, ct);
        var profitOf = profits.ToDictionary(a => a.Id, a => a.GrossProfit);
        return (profits.ToDictionary(a => a.Id, a => facts(a.Id, null, a.GrossProfit)),
            contacts.ToDictionary(c => c.Id, c => (c.AccountId, facts(c.AccountId, c.Id, profitOf.GetValueOrDefault(c.AccountId)))));
    }

    /// <summary>The facts of one contact; none when the contact is not there.</summary>
    public async Task<ValueFacts?> ForContactAsync(Guid contactId, ValueModelSettings settings, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Id == contactId)
            .Select(c => new { c.AccountId, c.Account!.GrossProfit }).SingleOrDefaultAsync(ct);
        return contact is null ? null : (await ReadAsync([contact.AccountId], settings, ct))(contact.AccountId, contactId, contact.GrossProfit);
    }

    /// <summary>
    /// Reads the records of the accounts' people, and answers the facts of an account (contact none) or of one of its
    /// contacts: what the account's people did, or what that person did.
    /// </summary>
    private async Task<Func<Guid, Guid?, decimal?, ValueFacts>> ReadAsync(IReadOnlyCollection<Guid> ids, ValueModelSettings settings, CancellationToken ct)
    {
        // Referral value: the accounts' referrals whose deal was won.
        var referred = await db.Set<Referral>().AsNoTracking()
            .Where(r => ids.Contains(r.AccountId) && r.OpportunityId != null && r.Opportunity!.IsClosed && r.Opportunity.IsWon)
            .Select(r => new
            {
                r.Id, r.ReferredById, r.AccountId, r.Company, DealId = r.OpportunityId!.Value, r.Opportunity!.Name, r.Opportunity.Amount,
                r.Opportunity.Account!.AnnualRevenue, r.Opportunity.Account.GrossProfit,
            })
            .ToListAsync(ct);

        // The cost of supporting their advocacy: the hours of their completed asks. Summed as doubles: SQLite sums no
        // decimals. The effort is joined before grouping: summed through the navigation, EF Core writes a correlated
        // subquery per contact.
        var asks = db.Engagements.AsNoTracking()
            .Where(e => ids.Contains(e.AccountId) && e.Kind == EngagementKind.Ask && e.Status == EngagementStatus.Completed);
        var hours = await asks.Join(db.ActivityTypes, e => e.ActivityTypeId, t => (Guid?)t.Id, (e, t) => new { e.AccountId, e.ContactId, t.EffortHours })
            .GroupBy(x => new { x.AccountId, x.ContactId })
            .Select(g => new { g.Key.AccountId, g.Key.ContactId, Hours = g.Sum(x => (double)x.EffortHours) })
            .ToListAsync(ct);
        var beta = await asks.Where(e => e.ActivityType!.Key == BetaFeedbackKey)
            .Select(e => new { e.Id, e.AccountId, e.ContactId, e.Title, e.ActivityType!.Name, e.At })
            .ToListAsync(ct);

        // Knowledge value: delivered ideas the accounts' people voted for or wrote.
        var delivered = db.Ideas.Where(i => i.Status == IdeaStatus.Delivered && i.MergedIntoId == null);
        var voted = from v in db.IdeaVotes
                    join i in delivered on v.IdeaId equals i.Id
                    join u in db.Users on v.UserId equals u.Id
                    where v.AccountId != null && ids.Contains(v.AccountId.Value)
                    select new { i.Id, i.Title, AccountId = v.AccountId!.Value, u.ContactId };
        var written = from c in db.Contacts
                      join u in db.Users on c.Id equals u.ContactId
                      join i in delivered on u.Id equals i.AuthorId
                      where ids.Contains(c.AccountId)
                      select new { i.Id, i.Title, c.AccountId, ContactId = (Guid?)c.Id };
        var ideas = (await voted.AsNoTracking().ToListAsync(ct)).Concat(await written.AsNoTracking().ToListAsync(ct)).ToList();

        var touches = await TouchesAsync(ids, settings, ct);

        return (account, contact, profit) =>
        {
            bool Ours(Guid contactId, Guid accountId) => contact is { } one ? contactId == one : accountId == account;
            decimal Margin(decimal? revenue, decimal? gross) => MarginRate(revenue, gross, settings);
            return new ValueFacts(
                profit,
                [.. referred.Where(r => Ours(r.ReferredById, r.AccountId))
                    .Select(r => new ReferredDeal(r.Id, r.Company, r.DealId, r.Name, r.Amount, Margin(r.AnnualRevenue, r.GrossProfit)))],
                (decimal)Math.Round(hours.Where(h => Ours(h.ContactId, h.AccountId)).Sum(h => h.Hours), 2),
                [.. touches.Deals
                    .Where(d => touches.ByDeal[d.Id].Any(t => Ours(t.ContactId, t.AccountId)))
                    .OrderBy(d => d.ClosedOn).ThenBy(d => d.Id)
                    .Select(d => new InfluencedDeal(d.Id, d.Name, d.Account, d.Amount, Margin(d.Revenue, d.Profit), d.ClosedOn,
                        touches.MatteredMost.TryGetValue(d.Id, out var most) ? most : null,
                        [.. touches.ByDeal[d.Id].Select(t => new Touch(t.ContactId, t.Contact, t.Key, t.Influence, t.On, t.What, Ours(t.ContactId, t.AccountId)))]))],
                [.. ideas.Where(i => i.AccountId == account && (contact is null || i.ContactId == contact)).DistinctBy(i => i.Id)
                    .OrderBy(i => i.Title, StringComparer.Ordinal).Select(i => new DeliveredIdea(i.Id, i.Title))],
                [.. beta.Where(b => Ours(b.ContactId, b.AccountId)).OrderBy(b => b.At)
                    .Select(b => new BetaFeedback(b.Id, b.Title ?? b.Name, DateOnly.FromDateTime(b.At.UtcDateTime)))]);
        };
    }

    /// <summary>The accounts whose value a change to these deals may move: their own, their referrers' and every toucher's.</summary>
    public async Task<IReadOnlyCollection<Guid>> AccountsOfDealsAsync(IReadOnlyCollection<Guid> dealIds, ValueModelSettings settings, CancellationToken ct)
    {
        var touches = await TouchesOfDealsAsync(dealIds, settings, ct);
        var referrers = await db.Set<Referral>().AsNoTracking().Where(r => r.OpportunityId != null && dealIds.Contains(r.OpportunityId.Value))
            .Select(r => r.AccountId).ToListAsync(ct);
        return [.. touches.ByDeal.SelectMany(g => g).Select(t => t.AccountId).Concat(referrers).Concat(touches.Deals.Select(d => d.AccountId)).Distinct()];
    }

    /// <summary>The won deals of prospects who came to these events, within the window after them.</summary>
    public async Task<IReadOnlyCollection<Guid>> DealsOfEventsAsync(IReadOnlyCollection<Guid> eventIds, ValueModelSettings settings, CancellationToken ct)
    {
        var prospects = await db.Set<EventAttendee>().AsNoTracking()
            .Where(a => eventIds.Contains(a.EventId) && a.Role == AttendeeRole.Prospect && a.AccountId != null)
            .Select(a => new { AccountId = a.AccountId!.Value, a.Event!.StartsOn }).Distinct().ToListAsync(ct);
        var accounts = prospects.Select(p => p.AccountId).Distinct().ToList();
        var deals = await db.Opportunities.AsNoTracking().Where(o => accounts.Contains(o.AccountId) && o.IsClosed && o.IsWon)
            .Select(o => new { o.Id, o.AccountId, o.CloseDate }).ToListAsync(ct);
        return [.. deals.Where(d => prospects.Any(p => p.AccountId == d.AccountId && EventConversion.InWindow(p.StartsOn, settings.TouchWindowDays, d.CloseDate)))
            .Select(d => d.Id)];
    }

    /// <summary>The deals whose buyer read reviews, closed within the window after one of these days.</summary>
    public async Task<IReadOnlyCollection<Guid>> DealsAfterReviewsAsync(IReadOnlyCollection<DateOnly> days, ValueModelSettings settings, CancellationToken ct)
    {
        if (days.Count == 0)
        {
            return [];
        }
        var deals = await ReviewSiteDeals(days.Min(), days.Max().AddDays(settings.TouchWindowDays)).ToListAsync(ct);
        return [.. deals.Where(d => days.Any(day => EventConversion.InWindow(day, settings.TouchWindowDays, d.CloseDate))).Select(d => d.Id)];
    }

    /// <summary>The margin a deal earns: its account's gross profit over its revenue when both are on record, else the program's default.</summary>
    public static decimal MarginRate(decimal? revenue, decimal? grossProfit, ValueModelSettings settings) =>
        revenue is > 0 && grossProfit is { } profit && profit >= 0 && profit <= revenue ? Math.Round(profit / revenue.Value, 4) : settings.DefaultGrossMargin;

    private sealed record Touches(IReadOnlyList<DealRow> Deals, ILookup<Guid, TouchRow> ByDeal, IReadOnlyDictionary<Guid, Influence> MatteredMost);

    /// <summary>The won deals the subject touched, and every touch of each of them.</summary>
    private async Task<Touches> TouchesAsync(IReadOnlyCollection<Guid> ids, ValueModelSettings settings, CancellationToken ct)
    {
        var window = settings.TouchWindowDays;
        var won = db.Opportunities.AsNoTracking().Where(o => o.IsClosed && o.IsWon);

        // The deals the subject gave a reference for that helped.
        var dealIds = (await db.ReferenceRequests.AsNoTracking()
            .Where(r => ids.Contains(r.Contact!.AccountId))
            .Where(r => r.OpportunityId != null && r.Happened == true && r.Helped != false && r.Opportunity!.IsClosed && r.Opportunity.IsWon)
            .Select(r => r.OpportunityId!.Value).ToListAsync(ct)).ToHashSet();

        // The deals won by prospects who came to events the subject spoke at or attended, within the window after.
        var spoke = db.Set<EventSpeaker>().Where(s => ids.Contains(s.Contact!.AccountId)).Select(s => s.EventId);
        var attended = db.Set<EventAttendee>()
            .Where(a => a.Role == AttendeeRole.Customer && a.CheckedInAt != null && a.ContactId != null)
            .Where(a => ids.Contains(a.Contact!.AccountId)).Select(a => a.EventId);
        var eventIds = (await spoke.Concat(attended).Distinct().ToListAsync(ct)).ToList();
        if (eventIds.Count > 0)
        {
            var prospects = await db.Set<EventAttendee>().AsNoTracking()
                .Where(a => eventIds.Contains(a.EventId) && a.Role == AttendeeRole.Prospect && a.CheckedInAt != null && a.AccountId != null)
                .Select(a => new { AccountId = a.AccountId!.Value, a.Event!.StartsOn }).Distinct().ToListAsync(ct);
            var prospectAccounts = prospects.Select(p => p.AccountId).Distinct().ToList();
            var theirDeals = await won.Where(o => prospectAccounts.Contains(o.AccountId)).Select(o => new { o.Id, o.AccountId, o.CloseDate }).ToListAsync(ct);
            dealIds.UnionWith(theirDeals.Where(d => prospects.Any(p => p.AccountId == d.AccountId && EventConversion.InWindow(p.StartsOn, window, d.CloseDate)))
                .Select(d => d.Id));
        }

        // The deals whose buyer said review sites influenced them, closed within the window after a review of the subject's.
        var reviewed = await db.Set<ReviewInvitation>().AsNoTracking()
            .Where(i => ids.Contains(i.Contact!.AccountId))
            .Where(i => i.ReviewedAt != null && (i.State == InvitationState.Reviewed || i.State == InvitationState.Verified))
            .Select(i => i.ReviewedAt!.Value).ToListAsync(ct);
        if (reviewed.Count > 0)
        {
            var days = reviewed.Select(r => DateOnly.FromDateTime(r.UtcDateTime)).ToList();
            var (from, to) = (days.Min(), days.Max().AddDays(window));
            var reviewSiteDeals = await ReviewSiteDeals(from, to).ToListAsync(ct);
            dealIds.UnionWith(reviewSiteDeals.Where(d => days.Any(day => EventConversion.InWindow(day, window, d.CloseDate))).Select(d => d.Id));
        }
        return await TouchesOfDealsAsync(dealIds, settings, ct);
    }

    private IQueryable<DealDay> ReviewSiteDeals(DateOnly from, DateOnly to) =>
        db.Set<BuyerJourneyAnswer>().AsNoTracking()
            .Where(a => a.Influences.Contains(Influence.ReviewSites) && a.Opportunity!.IsClosed && a.Opportunity.IsWon
                && a.Opportunity.CloseDate >= from && a.Opportunity.CloseDate <= to)
            .Select(a => new DealDay(a.OpportunityId, a.Opportunity!.CloseDate));

    private sealed record DealDay(Guid Id, DateOnly CloseDate);

    /// <summary>Every touch of each of the deals: the references that helped, the events before it, the reviews its buyer read.</summary>
    private async Task<Touches> TouchesOfDealsAsync(IReadOnlyCollection<Guid> dealIds, ValueModelSettings settings, CancellationToken ct)
    {
        if (dealIds.Count == 0)
        {
            return new Touches([], Array.Empty<TouchRow>().ToLookup(t => t.DealId), new Dictionary<Guid, Influence>());
        }
        var window = settings.TouchWindowDays;
        var deals = await db.Opportunities.AsNoTracking().Where(o => dealIds.Contains(o.Id))
            .Select(o => new DealRow(o.Id, o.Name, o.Account!.Name, o.AccountId, o.Amount, o.CloseDate, o.Account.AnnualRevenue, o.Account.GrossProfit))
            .ToListAsync(ct);
        var answers = await db.Set<BuyerJourneyAnswer>().AsNoTracking().Where(a => dealIds.Contains(a.OpportunityId))
            .Select(a => new { a.OpportunityId, a.MatteredMost, a.Influences }).ToListAsync(ct);
        var rows = new List<TouchRow>();

        rows.AddRange((await db.ReferenceRequests.AsNoTracking()
                .Where(r => r.OpportunityId != null && dealIds.Contains(r.OpportunityId.Value) && r.ContactId != null && r.Happened == true && r.Helped != false)
                .Select(r => new
                {
                    DealId = r.OpportunityId!.Value, ContactId = r.ContactId!.Value, r.Contact!.AccountId, r.Contact.FirstName, r.Contact.LastName,
                    r.ActivityType!.Key, r.ActivityType.Name, On = r.ScheduledFor ?? r.CreatedAt,
                })
                .ToListAsync(ct))
            .Select(r => new TouchRow(r.DealId, r.ContactId, r.AccountId, $"{r.FirstName} {r.LastName}", r.Key, Influence.References,
                DateOnly.FromDateTime(r.On.UtcDateTime), r.Name)));

        // Events that a prospect of the deal's account came to, within the window before it closed: their speakers and customers.
        var dealAccounts = deals.Select(d => d.AccountId).Distinct().ToList();
        var prospectEvents = await db.Set<EventAttendee>().AsNoTracking()
            .Where(a => a.AccountId != null && dealAccounts.Contains(a.AccountId.Value) && a.Role == AttendeeRole.Prospect && a.CheckedInAt != null)
            .Select(a => new { AccountId = a.AccountId!.Value, a.EventId, a.Event!.StartsOn, a.Event.Title, a.Event.Kind }).Distinct().ToListAsync(ct);
        var eventsOfDeal = deals.SelectMany(d => prospectEvents
                .Where(e => e.AccountId == d.AccountId && EventConversion.InWindow(e.StartsOn, window, d.ClosedOn))
                .Select(e => (Deal: d.Id, e.EventId, e.StartsOn, e.Title, e.Kind)))
            .Distinct().ToList();
        if (eventsOfDeal.Count > 0)
        {
            var eventIds = eventsOfDeal.Select(e => e.EventId).Distinct().ToList();
            var speakers = await db.Set<EventSpeaker>().AsNoTracking().Where(s => eventIds.Contains(s.EventId))
                .Select(s => new { s.EventId, s.ContactId, s.Contact!.AccountId, s.Contact.FirstName, s.Contact.LastName }).ToListAsync(ct);
            var customers = await db.Set<EventAttendee>().AsNoTracking()
                .Where(a => eventIds.Contains(a.EventId) && a.Role == AttendeeRole.Customer && a.CheckedInAt != null && a.ContactId != null)
                .Select(a => new { a.EventId, ContactId = a.ContactId!.Value, a.Contact!.AccountId, a.Contact.FirstName, a.Contact.LastName }).ToListAsync(ct);
            foreach (var e in eventsOfDeal)
            {
                var spokeThere = speakers.Where(s => s.EventId == e.EventId).ToList();
                rows.AddRange(spokeThere.Select(s => new TouchRow(e.Deal, s.ContactId, s.AccountId, $"{s.FirstName} {s.LastName}",
                    EventPlanner.ActivityOf(e.Kind), Influence.Events, e.StartsOn, $"Speaking at {e.Title}")));
                // Someone who spoke there touched the deal once, as its speaker.
                rows.AddRange(customers.Where(c => c.EventId == e.EventId && spokeThere.All(s => s.ContactId != c.ContactId))
                    .Select(c => new TouchRow(e.Deal, c.ContactId, c.AccountId, $"{c.FirstName} {c.LastName}",
                        Attribution.EventAttendanceKey, Influence.Events, e.StartsOn, $"Attending {e.Title}")));
            }
        }

        // Reviews written within the window before a deal whose buyer said review sites influenced them.
        var readReviews = deals.Where(d => answers.Any(a => a.OpportunityId == d.Id && a.Influences.Contains(Influence.ReviewSites))).ToList();
        if (readReviews.Count > 0)
        {
            var from = new DateTimeOffset(readReviews.Min(d => d.ClosedOn).AddDays(-window).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var to = new DateTimeOffset(readReviews.Max(d => d.ClosedOn).AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var reviews = await db.Set<ReviewInvitation>().AsNoTracking()
                .Where(i => i.ReviewedAt >= from && i.ReviewedAt < to && (i.State == InvitationState.Reviewed || i.State == InvitationState.Verified))
                .Select(i => new { i.ContactId, i.Contact!.AccountId, i.Contact.FirstName, i.Contact.LastName, ReviewedAt = i.ReviewedAt!.Value, i.Campaign!.Site, i.Campaign.SiteName })
                .ToListAsync(ct);
            foreach (var deal in readReviews)
            {
                rows.AddRange(reviews.Select(r => (Review: r, Day: DateOnly.FromDateTime(r.ReviewedAt.UtcDateTime)))
                    .Where(r => EventConversion.InWindow(r.Day, window, deal.ClosedOn))
                    .Select(r => new TouchRow(deal.Id, r.Review.ContactId, r.Review.AccountId, $"{r.Review.FirstName} {r.Review.LastName}",
                        ReviewQueries.ActivityKey, Influence.ReviewSites, r.Day, $"Review on {r.Review.SiteName ?? r.Review.Site.ToString()}")));
            }
        }
        return new Touches(deals, rows.OrderBy(r => r.On).ThenBy(r => r.ContactId).ToLookup(r => r.DealId),
            answers.ToDictionary(a => a.OpportunityId, a => a.MatteredMost));
    }
}
