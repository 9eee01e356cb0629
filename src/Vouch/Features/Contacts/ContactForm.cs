using Vouch.Features.ActivityTypes;

namespace Vouch.Features.Contacts;

/// <summary>
/// The contact edit form as the browser posts it: checkboxes as lists, blackouts as rows with a "remove" box and one
/// empty row to add. It becomes a <see cref="ContactInput"/>, so the page and the API share every rule.
/// </summary>
public sealed class ContactForm
{
    public Guid? AccountId { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Title { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? PersonalityStyle { get; set; }
    public List<string> SocialCapitalWanted { get; set; } = [];
    public bool IsLeadUser { get; set; }
    public bool HelpsOthers { get; set; }
    public string? AdvocacyStage { get; set; }
    public bool IsDefender { get; set; }
    public string? BlogUrl { get; set; }
    public int? Followers { get; set; }
    public string? Associations { get; set; }
    public bool SpeaksAtEvents { get; set; }
    public string? Consent { get; set; }
    public DateOnly? ConsentGivenOn { get; set; }
    public DateOnly? ConsentExpiresOn { get; set; }
    public string? ConsentScope { get; set; }
    public List<string> AgreedActivities { get; set; } = [];
    public int? MaxAsksPerQuarter { get; set; }
    public List<string> PreferredChannels { get; set; } = [];
    public List<BlackoutRow> Blackouts { get; set; } = [];
    public string? UseCase { get; set; }
    public string? Results { get; set; }
    public string? Quotes { get; set; }
    public string? FitsWhere { get; set; }
    public string? NotAFitFor { get; set; }
    public string? Notes { get; set; }
    public string? ExternalId { get; set; }
    public Guid? Version { get; set; }

    public sealed class BlackoutRow
    {
        public DateOnly? Starts { get; set; }
        public DateOnly? Ends { get; set; }
        public string? Reason { get; set; }
        public bool Remove { get; set; }
    }

    public static ContactForm From(ContactResponse c) => new()
    {
        AccountId = c.AccountId, FirstName = c.FirstName, LastName = c.LastName, Title = c.Title, Email = c.Email, Phone = c.Phone,
        PersonalityStyle = c.PersonalityStyle, SocialCapitalWanted = [.. c.SocialCapitalWanted], IsLeadUser = c.IsLeadUser,
        HelpsOthers = c.HelpsOthers, AdvocacyStage = c.AdvocacyStage, IsDefender = c.IsDefender, BlogUrl = c.BlogUrl,
        Followers = c.Followers, Associations = c.Associations, SpeaksAtEvents = c.SpeaksAtEvents, Consent = c.Consent,
        ConsentGivenOn = c.ConsentGivenOn, ConsentExpiresOn = c.ConsentExpiresOn, ConsentScope = c.ConsentScope,
        AgreedActivities = [.. c.AgreedActivities], MaxAsksPerQuarter = c.MaxAsksPerQuarter, PreferredChannels = [.. c.PreferredChannels],
        Blackouts = [.. c.Blackouts.Select(b => new BlackoutRow { Starts = b.Starts, Ends = b.Ends, Reason = b.Reason })],
        UseCase = c.UseCase, Results = c.Results, Quotes = c.Quotes, Notes = c.Notes, ExternalId = c.ExternalId, Version = c.Version,
        FitsWhere = c.FitsWhere, NotAFitFor = c.NotAFitFor,
    };

    /// <summary>The rows kept: not marked to remove, and not the empty row left blank.</summary>
    public ContactInput ToInput() => new()
    {
        AccountId = AccountId, FirstName = FirstName, LastName = LastName, Title = Title, Email = Email, Phone = Phone,
        PersonalityStyle = PersonalityStyle, SocialCapitalWanted = SocialCapitalWanted, IsLeadUser = IsLeadUser,
        HelpsOthers = HelpsOthers, AdvocacyStage = AdvocacyStage, IsDefender = IsDefender, BlogUrl = BlogUrl,
        Followers = Followers, Associations = Associations, SpeaksAtEvents = SpeaksAtEvents, Consent = Consent,
        ConsentGivenOn = ConsentGivenOn, ConsentExpiresOn = ConsentExpiresOn, ConsentScope = ConsentScope,
        AgreedActivities = AgreedActivities, MaxAsksPerQuarter = MaxAsksPerQuarter, PreferredChannels = PreferredChannels,
        Blackouts = [.. Blackouts
            .Where(b => !b.Remove && (b.Starts is not null || b.Ends is not null || !string.IsNullOrWhiteSpace(b.Reason)))
            .Select(b => new BlackoutInput(b.Starts, b.Ends, b.Reason))],
        UseCase = UseCase, Results = Results, Quotes = Quotes, Notes = Notes, ExternalId = ExternalId, Version = Version,
        FitsWhere = FitsWhere, NotAFitFor = NotAFitFor,
    };
}

/// <summary>What the form partial shows: the form, the choices, and why the last save was refused.</summary>
public sealed record ContactFormView(ContactForm Form, string AccountName, IReadOnlyList<ActivityTypeResponse> ActivityTypes, Refusal? Refusal)
{
    public IDictionary<string, string[]> Errors => Refusal?.Errors ?? new Dictionary<string, string[]>();

    /// <summary>Someone else saved the contact since the form was filled in.</summary>
    public bool Conflict => Refusal?.Kind == RefusalKind.Conflict;
}
