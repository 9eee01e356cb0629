using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Users;
using Vouch.Web;

using Refusal = Vouch.Features.Ideas.Refusal;

namespace Vouch.Features.Requests;

public static class RequestEndpoints
{
    public static RouteGroupBuilder MapRequests(this RouteGroupBuilder api)
    {
        var requests = api.MapGroup("/requests").WithTags("Reference requests");

        requests.MapPost("/", Create).RequireAuthorization(RequestsModule.RequestReferences)
            .WithName("CreateRequest").WithSummary("Ask for a reference; the smallest body is an activity type and a needed-by day. Criteria left out come from the opportunity.");
        requests.MapGet("/", List).RequireAuthorization(Policies.ReadInventory)
            .WithName("ListRequests").WithSummary("Requests: view=mine (default), waiting (whose next step is the caller's) or all (reference managers and executives).");
        requests.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.ReadInventory)
            .WithName("GetRequest").WithSummary("One request with its timeline and the steps the caller may take now.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        requests.MapGet("/{id:guid}/matches", Matches).RequireAuthorization(Policies.ReadInventory)
            .WithName("MatchRequest").WithSummary("The advocates the rules allow, ranked 0 to 100 with reasons; those ruled out, with why; alternatives when few fit.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        requests.MapPost("/{id:guid}/assign", Assign).RequireAuthorization(RequestsModule.RequestReferences)
            .WithName("AssignAdvocate").WithSummary("Propose an advocate and reserve their capacity. 409 names the rule (consent, a cap, a rest period, a blackout) that forbids it.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        requests.MapPost("/{id:guid}/owner-consent", OwnerConsent).RequireAuthorization(RequestsModule.RequestReferences)
            .WithName("OwnerConsent").WithSummary("The account owner approves the ask of their customer, or declines it with a reason.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        requests.MapPost("/{id:guid}/accept", Accept).RequireAuthorization(RequestsModule.AnswerAsks)
            .WithName("AcceptAsk").WithSummary("The advocate accepts the ask.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        requests.MapPost("/{id:guid}/decline", Decline).RequireAuthorization(RequestsModule.AnswerAsks)
            .WithName("DeclineAsk").WithSummary("The advocate declines the ask; their capacity is released.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        requests.MapPost("/{id:guid}/schedule", Schedule).RequireAuthorization(RequestsModule.RequestReferences)
            .WithName("ScheduleRequest").WithSummary("Set when the accepted activity takes place.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        requests.MapPost("/{id:guid}/complete", Complete).RequireAuthorization(RequestsModule.RequestReferences)
            .WithName("CompleteRequest").WithSummary("The scheduled activity took place.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        requests.MapPost("/{id:guid}/feedback", Feedback).RequireAuthorization(RequestsModule.RequestReferences)
            .WithName("RecordFeedback").WithSummary("Whether it happened, a rating of 1 to 5 and whether it helped.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        requests.MapPost("/{id:guid}/cancel", Cancel).RequireAuthorization(RequestsModule.RequestReferences)
            .WithName("CancelRequest").WithSummary("Withdraw the request; the advocate's capacity is released.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Created<RequestResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CreateRequestBody body, ClaimsPrincipal principal, RequestWorkflow workflow, RequestQueries queries, CancellationToken ct)
    {
        var actor = RequestActor.Of(principal);
        var (id, refusal) = await workflow.CreateAsync(actor, body, ct);
        var created = id is null ? null : await queries.FindAsync(actor, id.Value, ct);
        return Refusal.Answer(refusal, () => TypedResults.Created($"/api/v1/requests/{id}", created!));
    }

    private static async Task<Results<Ok<Paged<RequestSummary>>, ValidationProblem>> List(
        [AsParameters] PageQuery page, string? view, ClaimsPrincipal principal, RequestQueries queries, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        page.Validate(errors);
        var parsed = RequestView.Mine;
        if (view is not null && !Enum.TryParse(view, ignoreCase: true, out parsed))
        {
            errors.Add("view", "view must be mine, waiting or all.");
        }
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        return TypedResults.Ok(await queries.ListAsync(RequestActor.Of(principal), parsed, page, ct));
    }

    private static async Task<Results<Ok<RequestResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal principal, RequestQueries queries, CancellationToken ct) =>
        await queries.FindAsync(RequestActor.Of(principal), id, ct) is { } request ? TypedResults.Ok(request) : Problems.NotFound("The request");

    private static async Task<Results<Ok<MatchesResponse>, ProblemHttpResult>> Matches(Guid id, ClaimsPrincipal principal, RequestQueries queries, CancellationToken ct) =>
        await queries.MatchesAsync(RequestActor.Of(principal), id, ct) is { } matches ? TypedResults.Ok(matches) : Problems.NotFound("The request");

    private static async Task<Results<Ok<RequestResponse>, ValidationProblem, ProblemHttpResult>> Assign(
        Guid id, AssignBody body, ClaimsPrincipal principal, RequestWorkflow workflow, RequestQueries queries, CancellationToken ct) =>
        await AnswerAsync(principal, id, queries, actor => workflow.AssignAsync(actor, id, body, ct), ct);

    private static async Task<Results<Ok<RequestResponse>, ValidationProblem, ProblemHttpResult>> OwnerConsent(
        Guid id, OwnerConsentBody body, ClaimsPrincipal principal, RequestWorkflow workflow, RequestQueries queries, CancellationToken ct) =>
        await AnswerAsync(principal, id, queries, actor => workflow.OwnerConsentAsync(actor, id, body, ct), ct);

    private static async Task<Results<Ok<RequestResponse>, ValidationProblem, ProblemHttpResult>> Accept(
        Guid id, ClaimsPrincipal principal, RequestWorkflow workflow, RequestQueries queries, VouchDbContext db, CancellationToken ct) =>
        await AnswerAsync(principal, id, queries, actor => workflow.AcceptAsync(actor, id, ct), ct, db);

    private static async Task<Results<Ok<RequestResponse>, ValidationProblem, ProblemHttpResult>> Decline(
        Guid id, ReasonBody? body, ClaimsPrincipal principal, RequestWorkflow workflow, RequestQueries queries, VouchDbContext db, CancellationToken ct) =>
        await AnswerAsync(principal, id, queries, actor => workflow.DeclineAsync(actor, id, body ?? new ReasonBody(null), ct), ct, db);

    private static async Task<Results<Ok<RequestResponse>, ValidationProblem, ProblemHttpResult>> Schedule(
        Guid id, ScheduleBody body, ClaimsPrincipal principal, RequestWorkflow workflow, RequestQueries queries, CancellationToken ct) =>
        await AnswerAsync(principal, id, queries, actor => workflow.ScheduleAsync(actor, id, body, ct), ct);

    private static async Task<Results<Ok<RequestResponse>, ValidationProblem, ProblemHttpResult>> Complete(
        Guid id, ClaimsPrincipal principal, RequestWorkflow workflow, RequestQueries queries, CancellationToken ct) =>
        await AnswerAsync(principal, id, queries, actor => workflow.CompleteAsync(actor, id, ct), ct);

    private static async Task<Results<Ok<RequestResponse>, ValidationProblem, ProblemHttpResult>> Feedback(
        Guid id, FeedbackBody body, ClaimsPrincipal principal, RequestWorkflow workflow, RequestQueries queries, CancellationToken ct) =>
        await AnswerAsync(principal, id, queries, actor => workflow.FeedbackAsync(actor, id, body, ct), ct);

    private static async Task<Results<Ok<RequestResponse>, ValidationProblem, ProblemHttpResult>> Cancel(
        Guid id, ReasonBody? body, ClaimsPrincipal principal, RequestWorkflow workflow, RequestQueries queries, CancellationToken ct) =>
        await AnswerAsync(principal, id, queries, actor => workflow.CancelAsync(actor, id, body ?? new ReasonBody(null), ct), ct);

    /// <summary>
    /// Takes the step and answers with the request as it now is. Advocates have no request page: they are answered with
    /// the request only while they see it, which they do as the advocate asked.
    /// </summary>
    private static async Task<Results<Ok<RequestResponse>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        ClaimsPrincipal principal, Guid id, RequestQueries queries, Func<RequestActor, Task<Refusal?>> step, CancellationToken ct, VouchDbContext? db = null)
    {
        var contactId = db is not null && principal.IsInRole(Roles.Advocate)
            ? await db.Users.Where(u => u.Id == principal.UserId()).Select(u => u.ContactId).SingleOrDefaultAsync(ct)
            : null;
        var actor = RequestActor.Of(principal, contactId);
        var refusal = await step(actor);
        var request = refusal is null ? await queries.FindAsync(actor, id, ct) : null;
        return Refusal.Answer(refusal, () => TypedResults.Ok(request!));
    }
}
