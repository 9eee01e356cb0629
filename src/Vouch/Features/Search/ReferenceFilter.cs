using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Catalog;
using Vouch.Features.Contacts;

namespace Vouch.Features.Search;

/// <summary>The filters of the reference search, as the query string names them.</summary>
public sealed record ReferenceFilter
{
    /// <summary>The account's industry, by name or key.</summary>
    [FromQuery(Name = "industry")]
    public string? Industry { get; init; }

    /// <summary>SmallBusiness, MidMarket or Enterprise.</summary>
    [FromQuery(Name = "segment")]
    public string? Segment { get; init; }

    /// <summary>NorthAmerica, LatinAmerica, Emea or Apac.</summary>
    [FromQuery(Name = "region")]
    public string? Region { get; init; }

    /// <summary>The account's country, by ISO code or English name.</summary>
    [FromQuery(Name = "country")]
    public string? Country { get; init; }

    /// <summary>The account has at least this many employees.</summary>
    [FromQuery(Name = "employeesMin")]
    public int? EmployeesMin { get; init; }

    /// <summary>The account has at most this many employees.</summary>
    [FromQuery(Name = "employeesMax")]
    public int? EmployeesMax { get; init; }

    /// <summary>A product the account uses, by name or key.</summary>
    [FromQuery(Name = "product")]
    public string? Product { get; init; }

    /// <summary>A competitor the account replaced with us (any casing).</summary>
    [FromQuery(Name = "competitor")]
    public string? Competitor { get; init; }

    /// <summary>An activity the contact agreed to, by key, such as <c>reference-call</c>.</summary>
    [FromQuery(Name = "activity")]
    public string? Activity { get; init; }

    /// <summary>Customer, Promoter, Advocate or RockStar.</summary>
    [FromQuery(Name = "stage")]
    public string? Stage { get; init; }

    /// <summary>Verbal (at least verbal consent, not expired) or Written.</summary>
    [FromQuery(Name = "consent")]
    public string? Consent { get; init; }

    /// <summary>Words of the story (use case, results, quotes), the title or the name; the last may be half typed.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    public const int CompetitorMaxLength = 100;
    public const int TextMaxLength = 200;

    /// <summary>
    /// Checks the filter and resolves names to ids, so the query compares keys; a value that names
    /// nothing is an error rather than an empty list.
    /// </summary>
    public async Task<ReferenceCriteria?> ResolveAsync(VouchDbContext db, DateOnly today, ValidationErrors errors, CancellationToken ct)
    {
        var criteria = new ReferenceCriteria { Today = today, Words = SearchText.Words(Q) };
        if (Q?.Length > TextMaxLength)
        {
            errors.Add("q", $"q must be at most {TextMaxLength} characters.");
        }
        if (!string.IsNullOrWhiteSpace(Industry))
        {
            var key = Keys.FromName(Industry);
            var id = await db.Industries.AsNoTracking().Where(i => i.Key == key).Select(i => (Guid?)i.Id).SingleOrDefaultAsync(ct);
            if (id is null)
            {
                errors.Add("industry", $"'{Industry}' is not an industry.");
            }
            criteria = criteria with { IndustryId = id };
        }
        criteria = criteria with
        {
            Segment = EnumText.Optional<Segment>(Segment, "segment", errors),
            Region = EnumText.Optional<Region>(Region, "region", errors),
            Stage = EnumText.Optional<AdvocacyStage>(Stage, "stage", errors),
        };
        if (!string.IsNullOrWhiteSpace(Country))
        {
            criteria = criteria with { CountryCode = Countries.Resolve(Country) };
            if (criteria.CountryCode is null)
            {
                errors.Add("country", $"'{Country}' is not a country name or ISO code.");
            }
        }
        if (EmployeesMin < 0)
        {
            errors.Add("employeesMin", "employeesMin must be 0 or more.");
        }
        if (EmployeesMax < 0)
        {
            errors.Add("employeesMax", "employeesMax must be 0 or more.");
        }
        if (EmployeesMin > EmployeesMax)
        {
            errors.Add("employeesMin", "employeesMin must not be more than employeesMax.");
        }
        criteria = criteria with { EmployeesMin = EmployeesMin, EmployeesMax = EmployeesMax };
        if (!string.IsNullOrWhiteSpace(Product))
        {
            var key = Keys.FromName(Product);
            var id = await db.Products.AsNoTracking().Where(p => p.Key == key).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(ct);
            if (id is null)
            {
                errors.Add("product", $"'{Product}' is not a product.");
            }
            criteria = criteria with { ProductId = id };
        }
        if (!string.IsNullOrWhiteSpace(Competitor))
        {
            errors.MaxLength("competitor", Competitor, CompetitorMaxLength);
            criteria = criteria with { Competitor = Competitor.Trim() };
        }
        if (!string.IsNullOrWhiteSpace(Activity))
        {
            var key = Activity.Trim().ToLowerInvariant();
            var id = await db.ActivityTypes.AsNoTracking().Where(t => t.Key == key).Select(t => (Guid?)t.Id).SingleOrDefaultAsync(ct);
            if (id is null)
            {
                errors.Add("activity", $"'{Activity}' is not an activity type key.");
            }
            criteria = criteria with { ActivityId = id };
        }
        if (!string.IsNullOrWhiteSpace(Consent))
        {
            var consent = EnumText.Optional<ConsentLevel>(Consent, "consent", errors);
            if (consent == ConsentLevel.None)
            {
                errors.Add("consent", "consent must be Verbal (at least verbal) or Written.");
            }
            criteria = criteria with { ConsentAtLeast = consent };
        }
        return errors.IsEmpty ? criteria : null;
    }
}

/// <summary>A checked filter with names resolved to ids: what the search query compares.</summary>
public sealed record ReferenceCriteria
{
    public DateOnly Today { get; init; }
    public Guid? IndustryId { get; init; }
    public Segment? Segment { get; init; }
    public Region? Region { get; init; }
    public string? CountryCode { get; init; }
    public int? EmployeesMin { get; init; }
    public int? EmployeesMax { get; init; }
    public Guid? ProductId { get; init; }
    public string? Competitor { get; init; }
    public Guid? ActivityId { get; init; }
    public AdvocacyStage? Stage { get; init; }
    public ConsentLevel? ConsentAtLeast { get; init; }
    public IReadOnlyList<string> Words { get; init; } = [];

    /// <summary>Only these contacts, when set: the stories near the words by meaning (<see cref="ReferenceFinder"/>).</summary>
    public IReadOnlyCollection<Guid>? Among { get; init; }

    public bool FiltersAccounts => IndustryId is not null || Segment is not null || Region is not null || CountryCode is not null ||
        EmployeesMin is not null || EmployeesMax is not null || Competitor is not null;
}
