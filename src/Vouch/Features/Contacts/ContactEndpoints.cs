using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Catalog;
using Vouch.Web;

namespace Vouch.Features.Contacts;

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

public static class ContactEndpoints
{
    public static RouteGroupBuilder MapContacts(this RouteGroupBuilder api)
    {
        var contacts = api.MapGroup("/contacts").WithTags("Contacts");
        contacts.MapGet("/", List)
            .WithName("ListContacts").WithSummary("Search contacts, a page at a time, with the total.")
            .RequireAuthorization(Policies.ReadInventory);
        contacts.MapGet("/{id:guid}", Get)
            .WithName("GetContact").WithSummary("Get one contact's advocate profile; the notes only for reference managers and admins.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ReadInventory);
        contacts.MapPost("/", Create)
            .WithName("CreateContact").WithSummary("Create a contact at an account.")
            .RequireAuthorization(Policies.ManageInventory);
        contacts.MapPut("/{id:guid}", Update)
            .WithName("UpdateContact").WithSummary("Replace a contact's profile; send the version you read.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.ManageInventory);
        contacts.MapDelete("/{id:guid}", Delete)
            .WithName("DeleteContact").WithSummary("Delete a contact; it can be restored.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ManageInventory);
        contacts.MapPost("/{id:guid}/restore", Restore)
            .WithName("RestoreContact").WithSummary("Undo deleting a contact.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.ManageInventory);
        contacts.MapPost("/{id:guid}/nps-answers", AddNpsAnswer)
            .WithName("AddNpsAnswer").WithSummary("Record a contact's answer to the NPS question.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ManageInventory);
        contacts.MapGet("/{id:guid}/personal-data", PersonalDataOf)
            .WithName("ExportPersonalData").WithSummary("Everything held about a contact, for their right of access.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ManageInventory);
        contacts.MapPost("/{id:guid}/erase", Erase)
            .WithName("EraseContact").WithSummary("Erase a contact's personal data, keeping the numbers; cannot be undone.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Administer);
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

    private static async Task<Results<Ok<ContactResponse>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, VouchDbContext db, CancellationToken ct) =>
        await db.FindContactAsync(id, user.MaySeeNotes(), ct) is { } contact ? TypedResults.Ok(contact) : Problems.NotFound("The contact");

    private static async Task<Results<Created<ContactResponse>, ValidationProblem>> Create(
        ContactInput input, ContactProfiles profiles, VouchDbContext db, CancellationToken ct)
    {
        var outcome = await profiles.CreateAsync(input, ct);
        if (outcome.Contact is not { } contact)
        {
            return outcome.Errors.ToProblem();
        }
        return TypedResults.Created($"/api/v1/contacts/{contact.Id}", (await db.FindContactAsync(contact.Id, withNotes: true, ct))!);
    }

    private static async Task<Results<Ok<ContactResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, ContactInput input, ContactProfiles profiles, VouchDbContext db, CancellationToken ct)
    {
        var outcome = await profiles.UpdateAsync(id, input, ct);
        if (outcome.NotFound)
        {
            return Problems.NotFound("The contact");
        }
        if (outcome.Stale)
        {
            return Problems.StaleVersion();
        }
        if (outcome.Contact is null)
        {
            return outcome.Errors.ToProblem();
        }
        return TypedResults.Ok((await db.FindContactAsync(id, withNotes: true, ct))!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, ContactProfiles profiles, CancellationToken ct) =>
        await profiles.DeleteAsync(id, ct) ? TypedResults.NoContent() : Problems.NotFound("The contact");

    private static async Task<Results<Ok<ContactResponse>, ProblemHttpResult>> Restore(
        Guid id, ContactProfiles profiles, VouchDbContext db, CancellationToken ct)
    {
        var (found, refusal) = await profiles.RestoreAsync(id, ct);
        if (!found)
        {
            return Problems.NotFound("The contact");
        }
        if (refusal is not null)
        {
            return Problems.Conflict("The contact cannot be restored on its own.", refusal);
        }
        return TypedResults.Ok((await db.FindContactAsync(id, withNotes: true, ct))!);
    }

    private static async Task<Results<Created<NpsAnswerResponse>, ValidationProblem, ProblemHttpResult>> AddNpsAnswer(
        Guid id, NpsAnswerInput input, ContactProfiles profiles, CancellationToken ct)
    {
        var (answer, errors, notFound) = await profiles.AddNpsAnswerAsync(id, input, ct);
        if (notFound)
        {
            return Problems.NotFound("The contact");
        }
        if (answer is null)
        {
            return errors.ToProblem();
        }
        return TypedResults.Created($"/api/v1/contacts/{id}", new NpsAnswerResponse(answer.Id, answer.Score, answer.AnsweredOn, answer.Comment));
    }

    private static async Task<Results<Ok<PersonalDataExport>, ProblemHttpResult>> PersonalDataOf(Guid id, PersonalData personalData, CancellationToken ct) =>
        await personalData.ExportAsync(id, ct) is { } export ? TypedResults.Ok(export) : Problems.NotFound("The contact");

    private static async Task<Results<NoContent, ProblemHttpResult>> Erase(Guid id, PersonalData personalData, CancellationToken ct) =>
        await personalData.EraseAsync(id, ct) ? TypedResults.NoContent() : Problems.NotFound("The contact");

    /// <summary>Whether the user is on the reference team, who alone read a contact's private notes.</summary>
    public static bool MaySeeNotes(this ClaimsPrincipal user) => Policies.RolesByPolicy[Policies.ManageInventory].Any(user.IsInRole);

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
