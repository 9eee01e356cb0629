using Vouch.Features.Accounts;
using Vouch.Features.Contacts;

namespace Vouch.Features.Matching;

/// <summary>What a seller is looking for: the activity and the prospect the advocate should resemble.</summary>
/// <remarks>
/// NeededBy: The last day the reference is useful; blackouts between today and this day rule a contact out.
/// StoryMeaning: the cosine of the use case with the stories nearest to it by meaning, by contact
/// (<see cref="Meaning.UseCaseMeaning"/>); a story not listed is scored by its words alone.
/// </remarks>
public sealed record MatchCriteria(
    MatchActivity Activity,
    DateOnly NeededBy,
    Guid? IndustryId = null,
    IReadOnlyList<Guid>? ProductIds = null,
    Region? Region = null,
    string? CountryCode = null,
    int? Employees = null,
    string? Competitor = null,
    string? UseCase = null,
    IReadOnlyDictionary<Guid, double>? StoryMeaning = null)
{
    public IReadOnlyList<Guid> Products => ProductIds ?? [];
}

/// <summary>The activity asked for, as the rules need it.</summary>
/// <remarks>Name: As a person says it, lower case where it is not a name ("reference call").</remarks>
public sealed record MatchActivity(Guid Id, string Key, string Name, int RestPeriodDays, SocialCapital Offers);

/// <summary>The program's own limits, and the moment the match is made.</summary>
/// <remarks>AccountAsksPerQuarter: Asks of all contacts of one account together in a calendar quarter. NoAskDaysAfterSigning: Days after an account's contract date in which nobody there is asked.</remarks>
public sealed record MatchPolicy(int AccountAsksPerQuarter, int NoAskDaysAfterSigning, DateOnly Today);

/// <summary>A contact who might be asked, with everything the rules and the score read.</summary>
public sealed record MatchCandidate(
    Guid ContactId,
    CandidateAccount Account,
    ConsentLevel Consent,
    DateOnly? ConsentExpiresOn,
    IReadOnlyCollection<Guid> AgreedActivityIds,
    int? MaxAsksPerQuarter,
    IReadOnlyList<BlackoutDates> Blackouts,
    SocialCapital Wants,
    string? Story);

public sealed record BlackoutDates(DateOnly Starts, DateOnly Ends);

/// <summary>The candidate's account as the fit and the account rules read it.</summary>
public sealed record CandidateAccount(
    Guid Id,
    Guid? IndustryId,
    IReadOnlyList<Guid> ProductIds,
    Region? Region,
    string? CountryCode,
    int? Employees,
    IReadOnlyList<string> CompetitorsReplaced,
    DateOnly? ContractDate);

/// <summary>How far an ask in the ledger got. Released asks (declined, cancelled, expired) are no load on anyone.</summary>
public enum AskState { Reserved, Scheduled, Completed, Released }

/// <summary>One past or pending ask from the engagement ledger.</summary>
/// <remarks>On: When it takes or took place; for a reserved ask, when it was reserved. RestPeriodDays: The rest period of the ask's own activity. Rating: How the seller rated it afterwards, 1 to 5.</remarks>
public sealed record PastAsk(Guid ContactId, Guid AccountId, DateOnly On, AskState State, int RestPeriodDays, int? Rating = null);

/// <summary>A contact the rules allow, with a score of 0 to 100 and the reasons for it, strongest first.</summary>
public sealed record RankedCandidate(Guid ContactId, int Score, IReadOnlyList<string> Reasons);

/// <summary>A contact the rules rule out, with every rule that does.</summary>
public sealed record ExcludedCandidate(Guid ContactId, IReadOnlyList<string> Reasons);

public sealed record MatchResult(IReadOnlyList<RankedCandidate> Candidates, IReadOnlyList<ExcludedCandidate> Excluded);
