using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Features.Opportunities;
using Vouch.Web;

namespace Vouch.Features.Referrals;

public static class ReferralEndpoints
{
    public static RouteGroupBuilder MapReferrals(this RouteGroupBuilder api)
    {
        var referrals = api.MapGroup("/referrals").WithTags("Referrals");
        referrals.MapGet("/", List).RequireAuthorization(Policies.ReadInventory)
            .WithName("ListReferrals").WithSummary("Referrals newest first, a page at a time, with the total; q searches company and person; status, referrerContactId and accountId filter.");
        referrals.MapPost("/", Record).RequireAuthorization(Policies.ManageInventory)
            .WithName("RecordReferral").WithSummary("Record a referral an advocate made: 201 with the new referral, or 200 with the first referral of the same prospect (same company domain or email), which keeps the credit; the second referrer is noted on it.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        referrals.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.ReadInventory)
            .WithName("GetReferral").WithSummary("One referral with its deal, its moves and who else referred the prospect; the version to send back with a change.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        referrals.MapPost("/{id:guid}/status", Move).RequireAuthorization(Policies.ManageInventory)
            .WithName("MoveReferral").WithSummary("Move a referral to a stage: forward through New, Contacted and Qualified, or to Lost; a lost one reopens as Contacted. Won and lost after that come from its deal.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        referrals.MapPost("/{id:guid}/opportunity", Link).RequireAuthorization(Policies.ManageInventory)
            .WithName("LinkReferralOpportunity").WithSummary("Link a referral to the deal it became (opportunityId) or create one from it (create: name, amount, closeDate, stage); its outcome and won amount then come from the deal.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/reports/referrals", Report).RequireAuthorization(Policies.ReadReports).WithTags("Referrals")
            .WithName("ReferralReport").WithSummary($"The program's referrals: totals, conversion rate and won revenue, counts by status, and the top {ReferralQueries.TopReferrersShown} referrers by won revenue.");
        return api;
    }

    private static async Task<Results<Ok<Paged<ReferralSummary>>, ValidationProblem, ProblemHttpResult>> List(
        [AsParameters] PageQuery page, [AsParameters] ReferralFilter filter, ReferralQueries queries, CancellationToken ct) =>
        (await page.ListAsync(() => queries.ListAsync(page, filter, ct), errors => ReferralQueries.Validate(filter, errors))).ToApi(TypedResults.Ok);

    private static async Task<Results<Results<Created<ReferralDetails>, Ok<ReferralDetails>>, ValidationProblem, ProblemHttpResult>> Record(
        ReferralBody body, ReferralIntake intake, ReferralQueries queries, CancellationToken ct) =>
        (await (await intake.RecordAsync(body, ct)).MapAsync(async recorded => (recorded.IsNew, Referral: (await queries.FindAsync(recorded.Id, ct))!)))
            .ToApi(r => r.IsNew
                ? (Results<Created<ReferralDetails>, Ok<ReferralDetails>>)TypedResults.Created($"/api/v1/referrals/{r.Referral.Id}", r.Referral)
                : TypedResults.Ok(r.Referral));

    private static async Task<Results<Ok<ReferralDetails>, ValidationProblem, ProblemHttpResult>> Get(Guid id, ReferralQueries queries, CancellationToken ct) =>
        (await queries.FindAsync(id, ct)).OrNotFound("The referral").ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<ReferralDetails>, ValidationProblem, ProblemHttpResult>> Move(
        Guid id, ReferralStatusBody body, ReferralIntake intake, ReferralQueries queries, CancellationToken ct) =>
        (await (await intake.MoveAsync(id, body, ct)).ThenAsync(async () => (await queries.FindAsync(id, ct))!)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<ReferralDetails>, ValidationProblem, ProblemHttpResult>> Link(
        Guid id, ReferralOpportunityBody body, ReferralIntake intake, ReferralQueries queries, CurrentUser user, CancellationToken ct) =>
        (await (await intake.LinkAsync(await OpportunityAccess.OfAsync(user), id, body, ct)).ThenAsync(async () => (await queries.FindAsync(id, ct))!))
            .ToApi(TypedResults.Ok);

    private static async Task<Ok<ReferralReport>> Report(ReferralQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ReportAsync(ct));
}
