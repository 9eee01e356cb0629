using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Web;

namespace Vouch.Features.AccountReviews;

public static class AccountReviewEndpoints
{
    public static RouteGroupBuilder MapAccountReviews(this RouteGroupBuilder api)
    {
        var reviews = api.MapGroup("/account-reviews").WithTags("Account reviews");
        reviews.MapGet("/", List)
            .WithName("ListAccountReviews")
            .WithSummary("Account reviews by the day they are scheduled, a page at a time; filter by accountId, health, from, to and held.")
            .RequireAuthorization(Policies.ReadInventory);
        reviews.MapGet("/{id:guid}", Get)
            .WithName("GetAccountReview").WithSummary("Get one review, with the escalations raised at it and those of its account still open.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ReadInventory);
        reviews.MapPost("/", Create)
            .WithName("CreateAccountReview")
            .WithSummary("Schedule an account review, or record one already held with its health (Green, Amber, Red) and the escalations raised.")
            .RequireAuthorization(Policies.ManageInventory);
        reviews.MapPut("/{id:guid}", Update)
            .WithName("UpdateAccountReview")
            .WithSummary("Replace a review's fields to record it as held with its health; open escalations by title and close open ones by id. Send the version you read.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.ManageInventory);
        return api;
    }

    private static async Task<Results<Ok<Paged<AccountReviewSummary>>, ValidationProblem, ProblemHttpResult>> List(
        [AsParameters] PageQuery page, [AsParameters] AccountReviewFilter filter, ReviewCalendar calendar, CancellationToken ct) =>
        (await calendar.ListAsync(page, filter, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<AccountReviewResponse>, ValidationProblem, ProblemHttpResult>> Get(Guid id, ReviewCalendar calendar, CancellationToken ct) =>
        (await calendar.FindAsync(id, ct)).OrNotFound("The account review").ToApi(TypedResults.Ok);

    private static async Task<Results<Created<AccountReviewResponse>, ValidationProblem, ProblemHttpResult>> Create(
        AccountReviewInput input, ReviewCalendar calendar, CancellationToken ct) =>
        (await calendar.CreateAsync(input, ct)).ToApi(review => TypedResults.Created($"/api/v1/account-reviews/{review.Id}", review));

    private static async Task<Results<Ok<AccountReviewResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, AccountReviewUpdate input, ReviewCalendar calendar, CancellationToken ct) =>
        (await calendar.UpdateAsync(id, input, ct)).ToApi(TypedResults.Ok);
}
