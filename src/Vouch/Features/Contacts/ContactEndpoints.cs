using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Web;

namespace Vouch.Features.Contacts;

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

    private static async Task<Results<Ok<Paged<ContactSummary>>, ValidationProblem, ProblemHttpResult>> List(
        [AsParameters] PageQuery page, [AsParameters] ContactFilter filter, VouchDbContext db, CancellationToken ct) =>
        (await page.ListAsync(() => db.SearchContactsAsync(page, filter, ct), filter.Validate)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<ContactResponse>, ValidationProblem, ProblemHttpResult>> Get(
        Guid id, CurrentUser user, VouchDbContext db, CancellationToken ct) =>
        (await db.FindContactAsync(id, await user.MayAsync(Policies.ManageInventory), ct)).OrNotFound("The contact")
            .ToApi(TypedResults.Ok);

    private static async Task<Results<Created<ContactResponse>, ValidationProblem, ProblemHttpResult>> Create(
        ContactInput input, ContactProfiles profiles, CancellationToken ct) =>
        (await profiles.CreateAsync(input, ct)).ToApi(contact => TypedResults.Created($"/api/v1/contacts/{contact.Id}", contact));

    private static async Task<Results<Ok<ContactResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, ContactInput input, ContactProfiles profiles, CancellationToken ct) =>
        (await profiles.UpdateAsync(id, input, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Delete(Guid id, ContactProfiles profiles, CancellationToken ct) =>
        (await profiles.DeleteAsync(id, ct)).ToApi(TypedResults.NoContent);

    private static async Task<Results<Ok<ContactResponse>, ValidationProblem, ProblemHttpResult>> Restore(
        Guid id, ContactProfiles profiles, CancellationToken ct) =>
        (await profiles.RestoreAsync(id, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Created<NpsAnswerResponse>, ValidationProblem, ProblemHttpResult>> AddNpsAnswer(
        Guid id, NpsAnswerInput input, ContactProfiles profiles, CancellationToken ct) =>
        (await profiles.AddNpsAnswerAsync(id, input, ct)).ToApi(answer => TypedResults.Created($"/api/v1/contacts/{id}", answer));

    private static async Task<Results<Ok<PersonalDataExport>, ValidationProblem, ProblemHttpResult>> PersonalDataOf(
        Guid id, PersonalData personalData, CancellationToken ct) =>
        (await personalData.ExportAsync(id, ct)).OrNotFound("The contact").ToApi(TypedResults.Ok);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Erase(Guid id, PersonalData personalData, CancellationToken ct) =>
        (await personalData.EraseAsync(id, ct)).ToApi(TypedResults.NoContent);
}
