using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Catalog;
using Vouch.Web;

namespace Vouch.Features.Contacts;

public sealed record ContactSummary(
    Guid Id, string FirstName, string LastName, string? Title, string? Email, Guid AccountId, string Account, string AdvocacyStage);

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
    string? ExternalId,
    Guid Version);

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

public static class ContactEndpoints
{
    public static RouteGroupBuilder MapContacts(this RouteGroupBuilder api)
    {
        var contacts = api.MapGroup("/contacts").WithTags("Contacts");
        contacts.MapGet("/", List)
            .WithName("ListContacts").WithSummary("Search contacts, a page at a time, with the total.")
            .RequireAuthorization(Policies.ReadInventory);
        contacts.MapGet("/{id:guid}", Get)
            .WithName("GetContact").WithSummary("Get one contact.").ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ReadInventory);
        return api;
    }

    private static async Task<Results<Ok<Paged<ContactSummary>>, ValidationProblem>> List(
        [AsParameters] PageQuery page, [AsParameters] ContactFilter filter, VouchDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        page.Validate(errors);
        AdvocacyStage? stage = null;
        if (!string.IsNullOrWhiteSpace(filter.AdvocacyStage))
        {
            if (Enum.TryParse<AdvocacyStage>(filter.AdvocacyStage, ignoreCase: true, out var parsed))
            {
                stage = parsed;
            }
            else
            {
                errors.Add("advocacyStage", $"advocacyStage must be one of {string.Join(", ", Enum.GetNames<AdvocacyStage>())}.");
            }
        }
        string? country = null;
        if (!string.IsNullOrWhiteSpace(filter.Country) && (country = Countries.Resolve(filter.Country)) is null)
        {
            errors.Add("country", $"'{filter.Country}' is not a country name or ISO code.");
        }
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        return TypedResults.Ok(await db.SearchContactsAsync(page, filter.Account, filter.Industry, country, stage, ct));
    }

    private static async Task<Results<Ok<ContactResponse>, ProblemHttpResult>> Get(Guid id, VouchDbContext db, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking().Include(c => c.Account).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null)
        {
            return Problems.NotFound("The contact");
        }
        var wanted = Enum.GetValues<SocialCapital>()
            .Where(kind => kind != SocialCapital.None && contact.SocialCapitalWanted.HasFlag(kind))
            .Select(kind => kind.ToString())
            .ToList();
        return TypedResults.Ok(new ContactResponse(
            contact.Id, contact.FirstName, contact.LastName, contact.Title, contact.Email, contact.Phone,
            contact.AccountId, contact.Account!.Name, contact.PersonalityStyle?.ToString(), wanted,
            contact.IsLeadUser, contact.HelpsOthers, contact.AdvocacyStage.ToString(), contact.IsDefender,
            contact.ExternalId, contact.Version));
    }

    public static async Task<Paged<ContactSummary>> SearchContactsAsync(
        this VouchDbContext db, PageQuery page, Guid? accountId, string? industry, string? countryCode, AdvocacyStage? stage, CancellationToken ct)
    {
        var contacts = db.Contacts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(page.Q))
        {
            var text = page.Q.Trim().ToLower();
            contacts = contacts.Where(c =>
                (c.FirstName + " " + c.LastName).ToLower().Contains(text) ||
                c.Email!.ToLower().Contains(text) ||
                c.Title!.ToLower().Contains(text));
        }
        if (accountId is { } account)
        {
            contacts = contacts.Where(c => c.AccountId == account);
        }
        if (!string.IsNullOrWhiteSpace(industry))
        {
            var key = Keys.FromName(industry);
            contacts = contacts.Where(c => c.Account!.Industry!.Key == key);
        }
        if (countryCode is not null)
        {
            contacts = contacts.Where(c => c.Account!.CountryCode == countryCode);
        }
        if (stage is { } advocacyStage)
        {
            contacts = contacts.Where(c => c.AdvocacyStage == advocacyStage);
        }
        var total = await contacts.CountAsync(ct);
        var items = await contacts
            .OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id)
            .Skip(page.Skip).Take(page.Size)
            .Select(c => new ContactSummary(c.Id, c.FirstName, c.LastName, c.Title, c.Email, c.AccountId, c.Account!.Name, c.AdvocacyStage.ToString()))
            .ToListAsync(ct);
        return new Paged<ContactSummary>(items, total, page.PageNumber, page.Size);
    }
}
