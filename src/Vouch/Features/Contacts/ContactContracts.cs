using System.Text.Json.Serialization;

namespace Vouch.Features.Contacts;

/// <summary>
/// A contact's whole advocate profile as scripts and the edit page write it. Enums and flags go by name; the agreed
/// activities by activity type key. A PUT replaces every field, so send back what you read.
/// </summary>
public sealed record ContactInput
{
    public Guid? AccountId { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Title { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }

    /// <summary>Driver, Analytical, Expressive or Amiable.</summary>
    public string? PersonalityStyle { get; init; }

    /// <summary>Any of Affiliation, Learning, Reputation, Status, ProductSay.</summary>
    public IReadOnlyList<string>? SocialCapitalWanted { get; init; }
    public bool IsLeadUser { get; init; }
    public bool HelpsOthers { get; init; }

    /// <summary>Customer, Promoter, Advocate or RockStar; Customer when not given.</summary>
    public string? AdvocacyStage { get; init; }
    public bool IsDefender { get; init; }
    public string? BlogUrl { get; init; }
    public int? Followers { get; init; }
    public string? Associations { get; init; }
    public bool SpeaksAtEvents { get; init; }

    /// <summary>None, Verbal or Written; None when not given.</summary>
    public string? Consent { get; init; }
    public DateOnly? ConsentGivenOn { get; init; }
    public DateOnly? ConsentExpiresOn { get; init; }
    public string? ConsentScope { get; init; }

    /// <summary>Keys of active activity types, such as <c>reference-call</c>.</summary>
    public IReadOnlyList<string>? AgreedActivities { get; init; }
    public int? MaxAsksPerQuarter { get; init; }

    /// <summary>Any of Email, Phone, Video, InPerson.</summary>
    public IReadOnlyList<string>? PreferredChannels { get; init; }
    public IReadOnlyList<BlackoutInput>? Blackouts { get; init; }
    public string? UseCase { get; init; }
    public string? Results { get; init; }
    public string? Quotes { get; init; }

    /// <summary>Where the product fits, in the story.</summary>
    public string? FitsWhere { get; init; }

    /// <summary>Where the product does not fit.</summary>
    public string? NotAFitFor { get; init; }

    /// <summary>The reference team's private notes.</summary>
    public string? Notes { get; init; }
    public string? ExternalId { get; init; }

    /// <summary>The version you read; required to update.</summary>
    public Guid? Version { get; init; }
}

public sealed record BlackoutInput(DateOnly? Starts, DateOnly? Ends, string? Reason);

public sealed record BlackoutResponse(DateOnly Starts, DateOnly Ends, string? Reason);

public sealed record NpsAnswerInput(int? Score, DateOnly? AnsweredOn, string? Comment);

public sealed record NpsAnswerResponse(Guid Id, int Score, DateOnly AnsweredOn, string? Comment);

public sealed record ContactResponse(
    Guid Id,
    string FirstName,
    string LastName,
    string? Title,
    string? Email,
    string? Phone,
    Guid AccountId,
    string Account,
    string? PersonalityStyle,
    IReadOnlyList<string> SocialCapitalWanted,
    bool IsLeadUser,
    bool HelpsOthers,
    string AdvocacyStage,
    bool IsDefender,
    string? BlogUrl,
    int? Followers,
    string? Associations,
    bool SpeaksAtEvents,
    string Consent,
    DateOnly? ConsentGivenOn,
    DateOnly? ConsentExpiresOn,
    string? ConsentScope,
    IReadOnlyList<string> AgreedActivities,
    int? MaxAsksPerQuarter,
    IReadOnlyList<string> PreferredChannels,
    IReadOnlyList<BlackoutResponse> Blackouts,
    string? UseCase,
    string? Results,
    string? Quotes,
    IReadOnlyList<NpsAnswerResponse> NpsAnswers,
    string? ExternalId,
    Guid Version)
{
    public string? FitsWhere { get; init; }
    public string? NotAFitFor { get; init; }

    /// <summary>Only reference managers and admins get the notes; for anyone else the field is left out.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Notes { get; init; }
}

public sealed record ContactSummary(
    Guid Id, string FirstName, string LastName, string? Title, string? Email, Guid AccountId, string Account, string AdvocacyStage);

/// <summary>The filters of <c>GET /api/v1/contacts</c>.</summary>
public sealed record ContactFilter
{
    /// <summary>The account's id.</summary>
    public Guid? Account { get; init; }

    /// <summary>The account's industry, by name or key.</summary>
    public string? Industry { get; init; }

    /// <summary>The account's country, by ISO code or English name.</summary>
    public string? Country { get; init; }

    /// <summary>Customer, Promoter, Advocate or RockStar.</summary>
    public string? AdvocacyStage { get; init; }
}

/// <summary>One change in a contact's history, as the contact page lists it.</summary>
public sealed record ContactChange(DateTimeOffset At, string Actor, string Action, string RecordType, string? Before, string? After, bool Redacted);

/// <summary>Flags enums as lists of names, both ways, so the API reads "Reputation" rather than 4.</summary>
public static class FlagNames
{
    public static IReadOnlyList<string> Of<T>(T value) where T : struct, Enum =>
        [.. Enum.GetValues<T>().Where(flag => Convert.ToInt64(flag, System.Globalization.CultureInfo.InvariantCulture) != 0 && value.HasFlag(flag)).Select(flag => flag.ToString())];

    /// <summary>
    /// The flags named. A name that is not a flag of <typeparamref name="T"/> is an error naming the field and the
    /// flags it takes.
    /// </summary>
    public static T Parse<T>(IEnumerable<string>? names, string field, ValidationErrors errors) where T : struct, Enum
    {
        long value = 0;
        var unknown = new List<string>();
        foreach (var name in (names ?? []).Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            if (EnumText.TryParse<T>(name, out var flag))
            {
                value |= Convert.ToInt64(flag, System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                unknown.Add(name);
            }
        }
        if (unknown.Count > 0)
        {
            errors.Add(field, $"{field} takes {string.Join(", ", Enum.GetNames<T>().Where(n => n != "None"))}; not {string.Join(", ", unknown)}.");
        }
        return (T)Enum.ToObject(typeof(T), value);
    }
}

/// <summary>What an advocate says about being asked: how often, when not, how, and for what.</summary>
public sealed record PreferencesInput
{
    /// <summary>1 to 12, or none for no limit of their own.</summary>
    public int? MaxAsksPerQuarter { get; init; }
    public IReadOnlyList<BlackoutInput>? Blackouts { get; init; }

    /// <summary>Email, Phone, Video, InPerson.</summary>
    public IReadOnlyList<string>? Channels { get; init; }

    /// <summary>The keys of the activity types they agree to (GET /api/v1/activity-types).</summary>
    public IReadOnlyList<string>? ActivityTypes { get; init; }

    /// <summary>The version you read; required.</summary>
    public Guid? Version { get; init; }
}

public sealed record PreferenceChange(DateTimeOffset At, string By, string Change);

public sealed record PreferencesResponse(
    int? MaxAsksPerQuarter,
    IReadOnlyList<BlackoutResponse> Blackouts,
    IReadOnlyList<string> Channels,
    IReadOnlyList<string> ActivityTypes,
    Guid Version,
    IReadOnlyList<PreferenceChange> History);
