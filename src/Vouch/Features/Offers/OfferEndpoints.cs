using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Features.Portal;
using Vouch.Web;

namespace Vouch.Features.Offers;

public static class OfferEndpoints
{
    public static RouteGroupBuilder MapOffers(this RouteGroupBuilder api)
    {
        var offers = api.MapGroup("/offers").WithTags("Offers");
        offers.MapGet("/", List).RequireAuthorization(Policies.ReadInventory)
            .WithName("ListOffers").WithSummary("The offers, soonest closing first; state=Draft, Open, Full or Closed keeps only those in it today.");
        offers.MapPost("/", Create).RequireAuthorization(OffersModule.ManageOffers)
            .WithName("CreateOffer").WithSummary("Add an offer as a draft; credit hours left out take the kind's default.");
        offers.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.ReadInventory)
            .WithName("GetOffer").WithSummary("One offer, with its state today.").ProducesProblem(StatusCodes.Status404NotFound);
        offers.MapPut("/{id:guid}", Update).RequireAuthorization(OffersModule.ManageOffers)
            .WithName("UpdateOffer").WithSummary("Replace an offer's fields; send the version you read.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        offers.MapDelete("/{id:guid}", Delete).RequireAuthorization(OffersModule.ManageOffers)
            .WithName("DeleteOffer").WithSummary("Delete an offer nobody applied to; close one with applications instead.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        offers.MapPost("/{id:guid}/open", Open).RequireAuthorization(OffersModule.ManageOffers)
            .WithName("OpenOffer").WithSummary("Open a draft or closed offer to applications.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        offers.MapPost("/{id:guid}/close", Close).RequireAuthorization(OffersModule.ManageOffers)
            .WithName("CloseOffer").WithSummary("Close an offer to applications; accepted ones can still be delivered.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        offers.MapGet("/{id:guid}/advocates", Advocates).RequireAuthorization(Policies.ReadInventory)
            .WithName("RecommendAdvocatesForOffer").WithSummary("The advocates the offer fits, best first, scored 0 to 100 with reasons.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var applications = offers.MapGroup("/{id:guid}/applications");
        applications.MapGet("/", Applications).RequireAuthorization(Policies.ReadInventory)
            .WithName("ListOfferApplications").WithSummary("The offer's applications, newest first.").ProducesProblem(StatusCodes.Status404NotFound);
        applications.MapPost("/", Apply).RequireAuthorization(OffersModule.ManageOffers)
            .WithName("ApplyForAdvocate").WithSummary("Put an advocate forward for the offer. 409 says why not: full, closed, the eligibility rule, or applied already.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        applications.MapPost("/{applicationId:guid}/accept", Accept).RequireAuthorization(OffersModule.ManageOffers)
            .WithName("AcceptApplication").WithSummary("Accept an application; it takes a seat, and 409 says when none is left.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        applications.MapPost("/{applicationId:guid}/decline", Decline).RequireAuthorization(OffersModule.ManageOffers)
            .WithName("DeclineApplication").WithSummary("Decline an application waiting for an answer.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        applications.MapPost("/{applicationId:guid}/deliver", Deliver).RequireAuthorization(OffersModule.ManageOffers)
            .WithName("DeliverApplication").WithSummary("The accepted offer was given: writes the give, with the offer's credit hours, to the ledger.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        applications.MapPost("/{applicationId:guid}/withdraw", Withdraw).RequireAuthorization(OffersModule.ManageOffers)
            .WithName("WithdrawApplication").WithSummary("Withdraw an application for the advocate; an accepted one frees its seat.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var contacts = api.MapGroup("/contacts/{id:guid}").WithTags("Offers");
        contacts.MapGet("/offers", OffersForContact).RequireAuthorization(Policies.ReadInventory)
            .WithName("RecommendOffersForContact").WithSummary("The open offers the contact may apply to, best first, scored 0 to 100 with reasons.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        contacts.MapGet("/needs", Needs).RequireAuthorization(Policies.ReadInventory)
            .WithName("GetContactNeeds").WithSummary("The social capital the contact wants, with the evidence, and the conversation guide for their style.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        contacts.MapPut("/needs", SaveNeeds).RequireAuthorization(OffersModule.ManageOffers)
            .WithName("SaveContactNeeds").WithSummary("Replace the contact's needs; the social capital they want becomes exactly these. Send the contact's version you read.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var portal = api.MapGroup("/portal/offers").WithTags("Portal").RequireAuthorization(Policies.AdvocatePortal);
        portal.MapGet("/", Portal)
            .WithName("PortalOffers").WithSummary("Offers for me: those recommended with why, my applications and what I was given.");
        portal.MapPost("/{id:guid}/applications", PortalApply)
            .WithName("PortalApply").WithSummary("Apply to an offer. 409 says why not: full, closed, the eligibility rule, or applied already.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        portal.MapPost("/applications/{applicationId:guid}/withdraw", PortalWithdraw)
            .WithName("PortalWithdraw").WithSummary("Withdraw one of my applications.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<OfferResponse>>, ValidationProblem>> List(string? state, OfferQueries queries, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var parsed = EnumText.Optional<OfferState>(state, "state", errors);
        return errors.IsEmpty ? TypedResults.Ok(await queries.ListAsync(parsed, ct)) : errors.ToProblem();
    }

    private static async Task<Results<Created<OfferResponse>, ValidationProblem, ProblemHttpResult>> Create(
        OfferInput input, OfferCatalogue catalogue, CancellationToken ct) =>
        (await catalogue.CreateAsync(input, ct)).ToApi(offer => TypedResults.Created($"/api/v1/offers/{offer.Id}", offer));

    private static async Task<Results<Ok<OfferResponse>, ValidationProblem, ProblemHttpResult>> Get(Guid id, OfferQueries queries, CancellationToken ct) =>
        (await queries.FindAsync(id, ct)).OrNotFound("The offer").ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<OfferResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, OfferInput input, OfferCatalogue catalogue, CancellationToken ct) =>
        (await catalogue.UpdateAsync(id, input, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Delete(Guid id, OfferCatalogue catalogue, CancellationToken ct) =>
        (await catalogue.DeleteAsync(id, ct)).ToApi(TypedResults.NoContent);

    private static async Task<Results<Ok<OfferResponse>, ValidationProblem, ProblemHttpResult>> Open(Guid id, OfferCatalogue catalogue, CancellationToken ct) =>
        (await catalogue.OpenAsync(id, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<OfferResponse>, ValidationProblem, ProblemHttpResult>> Close(Guid id, OfferCatalogue catalogue, CancellationToken ct) =>
        (await catalogue.CloseAsync(id, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<IReadOnlyList<RecommendedAdvocate>>, ValidationProblem, ProblemHttpResult>> Advocates(
        Guid id, OfferQueries queries, CancellationToken ct) =>
        (await queries.AdvocatesForAsync(id, ct)).OrNotFound("The offer").ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<IReadOnlyList<ApplicationResponse>>, ValidationProblem, ProblemHttpResult>> Applications(
        Guid id, OfferQueries queries, CancellationToken ct) =>
        (await queries.ApplicationsAsync(id, ct)).OrNotFound("The offer").ToApi(TypedResults.Ok);

    private static async Task<Results<Created<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> Apply(
        Guid id, ApplyBody body, CurrentUser user, OfferCatalogue catalogue, CancellationToken ct) =>
        (body.ContactId is { } contactId
            ? await catalogue.ApplyAsync(id, contactId, ApplicationActor.Team(user.Email, id), ct)
            : Refusal.Invalid("contactId", "contactId is required: the contact to put forward."))
        .ToApi(application => TypedResults.Created($"/api/v1/offers/{id}/applications/{application.Id}", application));

    private static Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> Accept(
        Guid id, Guid applicationId, CurrentUser user, OfferCatalogue catalogue, CancellationToken ct) =>
        StepAsync(ApplicationStep.Accept, id, applicationId, user, catalogue, ct);

    private static Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> Decline(
        Guid id, Guid applicationId, CurrentUser user, OfferCatalogue catalogue, CancellationToken ct) =>
        StepAsync(ApplicationStep.Decline, id, applicationId, user, catalogue, ct);

    private static Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> Deliver(
        Guid id, Guid applicationId, CurrentUser user, OfferCatalogue catalogue, CancellationToken ct) =>
        StepAsync(ApplicationStep.Deliver, id, applicationId, user, catalogue, ct);

    private static Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> Withdraw(
        Guid id, Guid applicationId, CurrentUser user, OfferCatalogue catalogue, CancellationToken ct) =>
        StepAsync(ApplicationStep.Withdraw, id, applicationId, user, catalogue, ct);

    private static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> StepAsync(
        ApplicationStep step, Guid offerId, Guid applicationId, CurrentUser user, OfferCatalogue catalogue, CancellationToken ct) =>
        (await catalogue.StepAsync(step, applicationId, ApplicationActor.Team(user.Email, offerId), ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<IReadOnlyList<RecommendedOffer>>, ValidationProblem, ProblemHttpResult>> OffersForContact(
        Guid id, OfferQueries queries, CancellationToken ct) =>
        (await queries.OffersForAsync(id, ct)).OrNotFound("The contact").ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<NeedsResponse>, ValidationProblem, ProblemHttpResult>> Needs(Guid id, OfferQueries queries, CancellationToken ct) =>
        (await queries.NeedsAsync(id, ct)).OrNotFound("The contact").ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<NeedsResponse>, ValidationProblem, ProblemHttpResult>> SaveNeeds(
        Guid id, NeedsInput input, CurrentUser user, OfferCatalogue catalogue, CancellationToken ct) =>
        (await catalogue.SaveNeedsAsync(id, input, user.Email, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<PortalOffersResponse>, ValidationProblem, ProblemHttpResult>> Portal(
        PortalAdvocate advocate, OfferQueries queries, CancellationToken ct) =>
        (await advocate.ContactIdAsync(ct) is { } me
            ? (CommandResult<PortalOffersResponse>)await queries.PortalAsync(me, ct)
            : NoContact).ToApi(TypedResults.Ok);

    private static async Task<Results<Created<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> PortalApply(
        Guid id, CurrentUser user, PortalAdvocate advocate, OfferCatalogue catalogue, CancellationToken ct) =>
        (await advocate.ContactIdAsync(ct) is { } me
            ? await catalogue.ApplyAsync(id, me, ApplicationActor.Advocate(user.Email, me), ct)
            : OfferCatalogue.OfferNotFound)
        .ToApi(application => TypedResults.Created($"/api/v1/portal/offers/{id}/applications/{application.Id}", application));

    private static async Task<Results<Ok<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> PortalWithdraw(
        Guid applicationId, CurrentUser user, PortalAdvocate advocate, OfferCatalogue catalogue, CancellationToken ct) =>
        (await advocate.ContactIdAsync(ct) is { } me
            ? await catalogue.StepAsync(ApplicationStep.Withdraw, applicationId, ApplicationActor.Advocate(user.Email, me), ct)
            : OfferCatalogue.ApplicationNotFound).ToApi(TypedResults.Ok);

    /// <summary>An advocate login no contact is linked to has no portal records to show.</summary>
    private static readonly Refusal NoContact = Refusal.NotFound("Your advocate profile");
}
