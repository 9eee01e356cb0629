using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Web;

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
            .WithName("ScheduleRequest").WithSummary("Set when the accepted activity takes place; the seller, the advocate and the prospect's contacts on the deal are sent a calendar invitation.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        requests.MapPost("/{id:guid}/reschedule", Reschedule).RequireAuthorization(RequestsModule.RequestReferences)
            .WithName("RescheduleRequest").WithSummary("Move the scheduled activity to a new time; everyone invited gets the calendar invitation updated.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        requests.MapPost("/{id:guid}/complete", Complete).RequireAuthorization(RequestsModule.RequestReferences)
            .WithName("CompleteRequest").WithSummary("The scheduled activity took place.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        requests.MapPost("/{id:guid}/feedback", Feedback).RequireAuthorization(RequestsModule.RequestReferences)
            .WithName("RecordFeedback").WithSummary("Whether it happened, a rating of 1 to 5 and whether it helped.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        requests.MapPost("/{id:guid}/cancel", Cancel).RequireAuthorization(RequestsModule.RequestReferences)
            .WithName("CancelRequest").WithSummary("Withdraw the request; the advocate's capacity is released, and a scheduled activity's invitation is cancelled.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Created<RequestResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CreateRequestBody body, CurrentUser user, RequestWorkflow workflow, RequestQueries queries, CancellationToken ct)
    {
        var actor = await RequestActor.OfAsync(user);
        var created = await (await workflow.CreateAsync(actor, body, ct)).MapAsync(id => queries.GetAsync(actor, id, ct));
        return created.ToApi(request => TypedResults.Created($"/api/v1/requests/{request.Id}", request));
    }

    private static async Task<Results<Ok<Paged<RequestSummary>>, ValidationProblem>> List(
        [AsParameters] PageQuery page, string? view, CurrentUser user, RequestQueries queries, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        page.Validate(errors);
        var parsed = RequestView.Mine;
        if (view is not null && !EnumText.TryParse(view, out parsed))
        {
            errors.Add("view", "view must be mine, waiting or all.");
        }
        return errors.IsEmpty ? TypedResults.Ok(await queries.ListAsync(await RequestActor.OfAsync(user), parsed, page, ct)) : errors.ToProblem();
    }

    private static async Task<Results<Ok<RequestResponse>, ValidationProblem, ProblemHttpResult>> Get(
        Guid id, CurrentUser user, RequestQueries queries, CancellationToken ct) =>
        (await queries.FindAsync(await RequestActor.OfAsync(user), id, ct)).OrNotFound("The request").ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<MatchesResponse>, ValidationProblem, ProblemHttpResult>> Matches(
        Guid id, CurrentUser user, RequestQueries queries, CancellationToken ct) =>
        (await queries.MatchesAsync(await RequestActor.OfAsync(user), id, ct)).OrNotFound("The request").ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<RequestResponse>, ValidationProblem, ProblemHttpResult>> Assign(
        Guid id, AssignBody body, CurrentUser user, RequestWorkflow workflow, RequestQueries queries, CancellationToken ct) =>
        await AnswerAsync(await RequestActor.OfAsync(user), id, queries, actor => workflow.AssignAsync(actor, id, body, ct), ct);

    private static async Task<Results<Ok<RequestResponse>, ValidationProblem, ProblemHttpResult>> OwnerConsent(
        Guid id, OwnerConsentBody body, CurrentUser user, RequestWorkflow workflow, RequestQueries queries, CancellationToken ct) =>
        await AnswerAsync(await RequestActor.OfAsync(user), id, queries, actor => workflow.OwnerConsentAsync(actor, id, body, ct), ct);

    private static async Task<Results<Ok<RequestResponse>, ValidationProblem, ProblemHttpResult>> Accept(
        Guid id, AcceptBody? body, CurrentUser user, RequestWorkflow workflow, RequestQueries queries, VouchDbContext db, CancellationToken ct) =>
        await AnswerAsync(await RequestActor.WithContactAsync(user, db, ct), id, queries, actor => workflow.AcceptAsync(actor, id, body, ct), ct);

    private static async Task<Results<Ok<RequestResponse>, ValidationProblem, ProblemHttpResult>> Decline(
        Guid id, ReasonBody? body, CurrentUser user, RequestWorkflow workflow, RequestQueries queries, VouchDbContext db, CancellationToken ct) =>
        await AnswerAsync(await RequestActor.WithContactAsync(user, db, ct), id, queries, actor => workflow.DeclineAsync(actor, id, body ?? new ReasonBody(null), ct), ct);

    private static async Task<Results<Ok<RequestResponse>, ValidationProblem, ProblemHttpResult>> Schedule(
        Guid id, ScheduleBody body, CurrentUser user, RequestWorkflow workflow, RequestQueries queries, CancellationToken ct) =>
        await AnswerAsync(await RequestActor.OfAsync(user), id, queries, actor => workflow.ScheduleAsync(actor, id, body, ct), ct);

    private static async Task<Results<Ok<RequestResponse>, ValidationProblem, ProblemHttpResult>> Reschedule(
        Guid id, ScheduleBody body, CurrentUser user, RequestWorkflow workflow, RequestQueries queries, CancellationToken ct) =>
        await AnswerAsync(await RequestActor.OfAsync(user), id, queries, actor => workflow.RescheduleAsync(actor, id, body, ct), ct);

    private static async Task<Results<Ok<RequestResponse>, ValidationProblem, ProblemHttpResult>> Complete(
        Guid id, CurrentUser user, RequestWorkflow workflow, RequestQueries queries, CancellationToken ct) =>
        await AnswerAsync(await RequestActor.OfAsync(user), id, queries, actor => workflow.CompleteAsync(actor, id, ct), ct);

    private static async Task<Results<Ok<RequestResponse>, ValidationProblem, ProblemHttpResult>> Feedback(
        Guid id, FeedbackBody body, CurrentUser user, RequestWorkflow workflow, RequestQueries queries, CancellationToken ct) =>
        await AnswerAsync(await RequestActor.OfAsync(user), id, queries, actor => workflow.FeedbackAsync(actor, id, body, ct), ct);

    private static async Task<Results<Ok<RequestResponse>, ValidationProblem, ProblemHttpResult>> Cancel(
        Guid id, ReasonBody? body, CurrentUser user, RequestWorkflow workflow, RequestQueries queries, CancellationToken ct) =>
        await AnswerAsync(await RequestActor.OfAsync(user), id, queries, actor => workflow.CancelAsync(actor, id, body ?? new ReasonBody(null), ct), ct);

    /// <summary>
    /// Takes the step and answers with the request as it now is. Advocates have no request page: they are answered with
    /// the request only while they see it, which they do as the advocate asked.
    /// </summary>
    private static async Task<Results<Ok<RequestResponse>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        RequestActor actor, Guid id, RequestQueries queries, Func<RequestActor, Task<CommandResult>> step, CancellationToken ct) =>
        (await (await step(actor)).ThenAsync(() => queries.GetAsync(actor, id, ct))).ToApi(TypedResults.Ok);
}
