using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;

namespace Vouch.Features.Offers;

/// <summary>
/// Reading offers, applications, needs and recommendations. A recommendation for one advocate is a few indexed
/// queries (the advocate, the open offers, their applications, their balance) and the pure <see cref="OfferRecommender"/>.
/// </summary>
public sealed class OfferQueries(VouchDbContext db, Ledger ledger)
{
    /// <summary>How many candidates an offer's advocates are ranked from: those who want what it gives come first.</summary>
    public const int CandidatesRead = 500;

    /// <summary>How many advocates an offer's recommendation lists.</summary>
    public const int AdvocatesShown = 25;

    private static readonly AdvocacyStage[] s_active = [AdvocacyStage.Advocate, AdvocacyStage.RockStar];

    public DateOnly Today => ledger.Today;

    public async Task<IReadOnlyList<OfferResponse>> ListAsync(OfferState? state, CancellationToken ct)
    {
        var offers = await db.Set<Offer>().AsNoTracking().OrderBy(o => o.ClosesOn).ThenBy(o => o.Title).ToListAsync(ct);
        var industries = await IndustryNamesAsync(offers, ct);
        return [.. offers.Where(o => state is null || o.StateOn(Today) == state).Select(o => Response(o, industries))];
    }

    public async Task<OfferResponse?> FindAsync(Guid id, CancellationToken ct)
    {
        var offer = await db.Set<Offer>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        return offer is null ? null : Response(offer, await IndustryNamesAsync([offer], ct));
    }

    /// <summary>An offer's applications, newest first; null when there is no such offer.</summary>
    public async Task<IReadOnlyList<ApplicationResponse>?> ApplicationsAsync(Guid offerId, CancellationToken ct) =>
        await db.Set<Offer>().AnyAsync(o => o.Id == offerId, ct)
            ? await Applications(db.Set<OfferApplication>().Where(a => a.OfferId == offerId)).ToListAsync(ct)
            : null;

    public async Task<ApplicationResponse> ApplicationAsync(Guid id, CancellationToken ct) =>
        await Applications(db.Set<OfferApplication>().Where(a => a.Id == id)).SingleAsync(ct);

    /// <summary>The open offers a contact may apply to, best first; null when there is no such contact.</summary>
    public async Task<IReadOnlyList<RecommendedOffer>?> OffersForAsync(Guid contactId, CancellationToken ct)
    {
        if (await AdvocateAsync(contactId, ct) is not { } advocate)
        {
            return null;
        }
        var today = Today;
        var offers = await db.Set<Offer>().AsNoTracking()
            .Where(o => o.State == OfferState.Open && o.ClosesOn >= today && o.OpensOn <= today && o.SeatsTaken < o.Capacity)
            // Those applied to already are left out here, saving the recommender a query of its own.
            .Where(o => !db.Set<OfferApplication>().Any(a => a.OfferId == o.Id && a.ContactId == contactId))
            .ToListAsync(ct);
        var industries = await IndustryNamesAsync(offers, ct);
        var byId = offers.ToDictionary(o => o.Id);
        return [.. OfferRecommender.OffersFor(advocate, offers.Select(o => Facts(o, industries)), new HashSet<Guid>(), today, ledger.Options.OwedAfterHours)
            .Select(r => Recommended(byId[r.Item.Id], r))];
    }

    /// <summary>
    /// The advocates an offer fits, best first; null when there is no such offer. Candidates are contacts with consent
    /// or at stage Advocate or Rock star whom its eligibility lets in, read by the database, not every contact.
    /// </summary>
    public async Task<IReadOnlyList<RecommendedAdvocate>?> AdvocatesForAsync(Guid offerId, CancellationToken ct)
    {
        var offer = await db.Set<Offer>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == offerId, ct);
        if (offer is null)
        {
            return null;
        }
        var facts = Facts(offer, await IndustryNamesAsync([offer], ct));
        if (facts.State is OfferState.Full or OfferState.Closed)
        {
            return [];
        }
        var contacts = db.Contacts.AsNoTracking()
            .Where(c => c.Consent != ConsentLevel.None || s_active.Contains(c.AdvocacyStage))
            .Where(c => !db.Set<OfferApplication>().Any(a => a.OfferId == offerId && a.ContactId == c.Id));
        if (offer.Segments.Count > 0)
        {
            var segments = offer.Segments.Cast<Accounts.Segment?>().ToList();
            contacts = contacts.Where(c => segments.Contains(c.Account!.Segment));
        }
        if (offer.IndustryIds.Count > 0)
        {
            var industryIds = offer.IndustryIds.Cast<Guid?>().ToList();
            contacts = contacts.Where(c => industryIds.Contains(c.Account!.IndustryId));
        }
        if (offer.MinimumStage is { } minimum)
        {
            var stages = Enum.GetValues<AdvocacyStage>().Where(s => s >= minimum).ToList();
            contacts = contacts.Where(c => stages.Contains(c.AdvocacyStage));
        }
        var gives = offer.Gives;
        var candidates = await contacts
            .OrderByDescending(c => (c.SocialCapitalWanted & gives) != 0).ThenBy(c => c.Id)
            .Take(CandidatesRead)
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.SocialCapitalWanted, c.PersonalityStyle, c.AdvocacyStage, Account = c.Account!.Name, c.Account.Segment, c.Account.IndustryId })
            .ToListAsync(ct);
        var balances = await ledger.BalancesAsync([.. candidates.Select(c => c.Id)], ct);
        var accounts = candidates.ToDictionary(c => c.Id, c => c.Account);
        var owedAfter = ledger.Options.OwedAfterHours;
        var advocates = candidates.Select(c => new AdvocateFacts(
            c.Id, $"{c.FirstName} {c.LastName}", c.SocialCapitalWanted, c.PersonalityStyle, c.AdvocacyStage, c.Segment, c.IndustryId,
            balances.GetValueOrDefault(c.Id) ?? ledger.EmptyBalance));
        return [.. OfferRecommender.AdvocatesFor(facts, advocates, new HashSet<Guid>(), owedAfter).Take(AdvocatesShown)
            .Select(r => new RecommendedAdvocate(
                r.Item.ContactId, r.Item.Name, accounts[r.Item.ContactId], r.Item.Stage.ToString(), r.Item.Style?.ToString(),
                FlagNames.Of(r.Item.Wants), r.Item.Balance.Describe(), r.Item.Balance.IsOwed(owedAfter), r.Score, r.Reasons))];
    }

    /// <summary>A contact's needs assessment; null when there is no such contact.</summary>
    public async Task<NeedsResponse?> NeedsAsync(Guid contactId, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Id == contactId)
            .Select(c => new { c.SocialCapitalWanted, c.PersonalityStyle, c.Version }).SingleOrDefaultAsync(ct);
        if (contact is null)
        {
            return null;
        }
        var needs = await db.Set<SocialCapitalNeed>().AsNoTracking().Where(n => n.ContactId == contactId).ToListAsync(ct);
        return new(
            contactId,
            FlagNames.Of(contact.SocialCapitalWanted),
            [.. needs.OrderBy(n => n.Capital).Select(n => new NeedResponse(n.Capital.ToString(), n.Evidence, n.RecordedBy, n.RecordedAt))],
            contact.PersonalityStyle?.ToString(),
            contact.PersonalityStyle is { } style ? Guide(ConversationGuide.For(style)) : null,
            contact.Version);
    }

    /// <summary>The portal's offers for the advocate who is <paramref name="contactId"/>.</summary>
    public async Task<PortalOffersResponse> PortalAsync(Guid contactId, CancellationToken ct)
    {
        var offers = await OffersForAsync(contactId, ct) ?? [];
        var applications = await Applications(db.Set<OfferApplication>().Where(a => a.ContactId == contactId)).ToListAsync(ct);
        var given = await db.Engagements.AsNoTracking()
            .Where(e => e.ContactId == contactId && e.Kind == EngagementKind.Give && e.Status == EngagementStatus.Completed)
            .OrderByDescending(e => e.At)
            .Select(e => new GivenResponse(e.Title ?? "A give", e.At, e.CreditHours ?? 0))
            .ToListAsync(ct);
        return new(offers, applications, given);
    }

    /// <summary>The contact as the recommendations and the eligibility rules read them; null when there is none.</summary>
    public async Task<AdvocateFacts?> AdvocateAsync(Guid contactId, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Id == contactId)
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.SocialCapitalWanted, c.PersonalityStyle, c.AdvocacyStage, c.Account!.Segment, c.Account.IndustryId })
            .SingleOrDefaultAsync(ct);
        return contact is null ? null : new AdvocateFacts(
            contact.Id, $"{contact.FirstName} {contact.LastName}", contact.SocialCapitalWanted, contact.PersonalityStyle, contact.AdvocacyStage,
            contact.Segment, contact.IndustryId, await ledger.BalanceAsync(contactId, ct));
    }

    public async Task<OfferFacts> FactsAsync(Offer offer, CancellationToken ct) => Facts(offer, await IndustryNamesAsync([offer], ct));

    public static StyleGuideResponse Guide(StyleGuide guide) =>
        new(guide.Style.ToString(), guide.Excites, [.. guide.LeadWith.Select(k => k.ToString())], guide.Avoid);

    private OfferFacts Facts(Offer offer, IReadOnlyDictionary<Guid, string> industries) => new(
        offer.Id, offer.Title, offer.Kind, offer.Gives, offer.StateOn(Today), offer.OpensOn, offer.ClosesOn, offer.Segments,
        [.. offer.IndustryIds.Select(id => new IndustryName(id, industries.GetValueOrDefault(id, "an unknown industry")))], offer.MinimumStage);

    private OfferResponse Response(Offer o, IReadOnlyDictionary<Guid, string> industries) => new(
        o.Id, o.Title, o.Kind.ToString(), o.Description, FlagNames.Of(o.Gives), o.OpensOn, o.ClosesOn, o.EventOn, o.Capacity, o.SeatsTaken,
        o.SeatsLeft, o.CreditHours, [.. o.Segments.Select(s => s.ToString())],
        [.. o.IndustryIds.Select(id => industries.GetValueOrDefault(id, "")).Where(n => n.Length > 0).Order(StringComparer.Ordinal)],
        o.MinimumStage?.ToString(), o.StateOn(Today).ToString(), o.Version);

    private static RecommendedOffer Recommended(Offer o, Recommended<OfferFacts> r) => new(
        o.Id, o.Title, o.Kind.ToString(), o.Description, FlagNames.Of(o.Gives), o.ClosesOn, o.EventOn, o.SeatsLeft, o.CreditHours, r.Score, r.Reasons);

    private async Task<IReadOnlyDictionary<Guid, string>> IndustryNamesAsync(IEnumerable<Offer> offers, CancellationToken ct)
    {
        var ids = offers.SelectMany(o => o.IndustryIds).Distinct().ToList();
        return ids.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Industries.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
    }

    private static IQueryable<ApplicationResponse> Applications(IQueryable<OfferApplication> applications) => applications.AsNoTracking()
        .OrderByDescending(a => a.AppliedAt).ThenBy(a => a.Id)
        .Select(a => new ApplicationResponse(
            a.Id, a.OfferId, a.Offer!.Title, a.ContactId, a.Contact!.FirstName + " " + a.Contact.LastName, a.State.ToString(),
            a.AppliedBy.ToString(), a.AppliedByName, a.AppliedAt, a.ChangedAt, a.Version));
}
