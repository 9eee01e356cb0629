namespace Vouch.Features.Offers;

/// <summary>A new offer, or all of an offer's fields; enums and flags by name. Credit hours left out take the kind's default.</summary>
public sealed record OfferInput(
    string? Title,
    string? Kind,
    string? Description,
    IReadOnlyList<string>? Gives,
    DateOnly? OpensOn,
    DateOnly? ClosesOn,
    DateOnly? EventOn = null,
    int? Capacity = null,
    decimal? CreditHours = null,
    IReadOnlyList<string>? Segments = null,
    IReadOnlyList<string>? Industries = null,
    string? MinimumStage = null,
    Guid? Version = null);

/// <summary>An offer; <c>state</c> is as of today (full when no seat is left, closed once its closing day passed).</summary>
public sealed record OfferResponse(
    Guid Id,
    string Title,
    string Kind,
    string? Description,
    IReadOnlyList<string> Gives,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    DateOnly? EventOn,
    int Capacity,
    int SeatsTaken,
    int SeatsLeft,
    decimal CreditHours,
    IReadOnlyList<string> Segments,
    IReadOnlyList<string> Industries,
    string? MinimumStage,
    string State,
    Guid Version);

/// <summary>An advocate's application to an offer.</summary>
public sealed record ApplicationResponse(
    Guid Id,
    Guid OfferId,
    string Offer,
    Guid ContactId,
    string Contact,
    string State,
    string AppliedBy,
    string AppliedByName,
    DateTimeOffset AppliedAt,
    DateTimeOffset? ChangedAt,
    Guid Version);

/// <summary>The reference team applies for an advocate: the contact to put forward.</summary>
public sealed record ApplyBody(Guid? ContactId);

/// <summary>An open offer recommended to an advocate, with why.</summary>
public sealed record RecommendedOffer(
    Guid Id,
    string Title,
    string Kind,
    string? Description,
    IReadOnlyList<string> Gives,
    DateOnly ClosesOn,
    DateOnly? EventOn,
    int SeatsLeft,
    decimal CreditHours,
    int Score,
    IReadOnlyList<string> Reasons);

/// <summary>An advocate an offer fits, with why; <c>balance</c> is their give/ask balance in words.</summary>
public sealed record RecommendedAdvocate(
    Guid ContactId,
    string Name,
    string Account,
    string Stage,
    string? PersonalityStyle,
    IReadOnlyList<string> Wants,
    string Balance,
    bool Owed,
    int Score,
    IReadOnlyList<string> Reasons);

/// <summary>One kind of social capital a contact wants, and what shows it.</summary>
public sealed record NeedInput(string? Capital, string? Evidence);

/// <summary>All of a contact's needs, replacing those recorded; send the contact's version you read.</summary>
public sealed record NeedsInput(IReadOnlyList<NeedInput>? Needs, Guid? Version);

public sealed record NeedResponse(string Capital, string? Evidence, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>How to talk to a personality style about offers.</summary>
public sealed record StyleGuideResponse(string Style, string Excites, IReadOnlyList<string> LeadWith, string Avoid);

/// <summary>
/// A contact's needs assessment: the social capital they want (what matching reads), the evidence for each, the
/// conversation guide for their style, and the contact's version to send back with a change.
/// </summary>
public sealed record NeedsResponse(
    Guid ContactId,
    IReadOnlyList<string> Wanted,
    IReadOnlyList<NeedResponse> Needs,
    string? PersonalityStyle,
    StyleGuideResponse? Guide,
    Guid Version);

/// <summary>A give the advocate received, from the ledger.</summary>
public sealed record GivenResponse(string Title, DateTimeOffset At, decimal CreditHours);

/// <summary>The portal's "Offers for me": offers recommended with why, the advocate's applications, what they were given.</summary>
public sealed record PortalOffersResponse(
    IReadOnlyList<RecommendedOffer> Offers,
    IReadOnlyList<ApplicationResponse> Applications,
    IReadOnlyList<GivenResponse> Given);
