using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Web;

namespace Vouch.Features.Launches;

public static class LaunchEndpoints
{
    public static RouteGroupBuilder MapLaunches(this RouteGroupBuilder api)
    {
        var launches = api.MapGroup("/launches").WithTags("Launches");
        launches.MapGet("/", List).RequireAuthorization(Policies.ReadReports)
            .WithName("ListLaunches").WithSummary("Product launches, latest first, with the references they need and how many are recruited.");
        launches.MapPost("/", Create).RequireAuthorization(Policies.ManageInventory)
            .WithName("CreateLaunch").WithSummary("Plan a launch: product, day, target segments and the references needed per segment and activity.");
        launches.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.ReadReports)
            .WithName("GetLaunch").WithSummary("One launch: recruiting progress per segment and activity, and its early-adopter candidates ranked, each with the reasons.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<Paged<LaunchSummary>>, ValidationProblem>> List([AsParameters] PageQuery page, LaunchPlanner planner, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        page.Validate(errors);
        return errors.IsEmpty ? TypedResults.Ok(await planner.ListAsync(page, ct)) : errors.ToProblem();
    }

    private static async Task<Results<Created<LaunchResponse>, ValidationProblem, ProblemHttpResult>> Create(
        LaunchInput input, LaunchPlanner planner, CancellationToken ct) =>
        (await planner.CreateAsync(input, ct)).ToApi(launch => TypedResults.Created($"/api/v1/launches/{launch.Id}", launch));

    private static async Task<Results<Ok<LaunchResponse>, ValidationProblem, ProblemHttpResult>> Get(Guid id, LaunchPlanner planner, CancellationToken ct) =>
        (await planner.FindAsync(id, ct)).OrNotFound("The launch").ToApi(TypedResults.Ok);
}
