using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Features.SupplyDemand;
using Vouch.Web;

namespace Vouch.Features.Stakeholders;

public static class StakeholderEndpoints
{
    public static RouteGroupBuilder MapStakeholders(this RouteGroupBuilder api)
    {
        var stakeholders = api.MapGroup("/stakeholders").WithTags("Stakeholders");
        stakeholders.MapGet("/", List).RequireAuthorization(Policies.ReadReports)
            .WithName("ListStakeholderGroups").WithSummary("The stakeholder groups in priority order, with their rules of engagement and members.");
        stakeholders.MapPut("/{key}", Update).RequireAuthorization(Policies.ManageInventory)
            .WithName("UpdateStakeholderGroup")
            .WithSummary("Set a group's priority and rules of engagement (activities it may ask for, its share of scarce capacity); send the version you read.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        stakeholders.MapPut("/members/{userId:guid}", SetMember).RequireAuthorization(Policies.Administer)
            .WithName("SetStakeholderMembership").WithSummary("Put a user in a stakeholder group, by its key, or in none.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        stakeholders.MapGet("/queue", Queue).RequireAuthorization(Policies.ManageInventory)
            .WithName("StakeholderQueue")
            .WithSummary("The requests waiting for an advocate in the order to serve them: where an activity is short of advocates, by stakeholder priority and then deal value.");
        stakeholders.MapGet("/shares", Shares).RequireAuthorization(Policies.ReadReports)
            .WithName("StakeholderShares")
            .WithSummary("Each group's share of the fulfilled requests made in [from, to) against its share of capacity; a year up to today by default.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<StakeholderGroupResponse>>> List(StakeholderGroups groups, CancellationToken ct) =>
        TypedResults.Ok(await groups.ListAsync(ct));

    private static async Task<Results<Ok<StakeholderGroupResponse>, ValidationProblem, ProblemHttpResult>> Update(
        string key, StakeholderGroupInput input, StakeholderGroups groups, CancellationToken ct) =>
        (await groups.UpdateAsync(key, input, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetMember(
        Guid userId, MembershipInput input, StakeholderGroups groups, CancellationToken ct) =>
        (await groups.SetMemberAsync(userId, input, ct)).ToApi(TypedResults.NoContent);

    private static async Task<Ok<IReadOnlyList<QueueItemResponse>>> Queue(StakeholderGroups groups, CancellationToken ct) =>
        TypedResults.Ok(await groups.QueueAsync(ct));

    private static async Task<Results<Ok<IReadOnlyList<GroupShare>>, ValidationProblem>> Shares(
        [AsParameters] ReportPeriod period, StakeholderGroups groups, TimeProvider clock, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = new ValidationErrors();
        period.Validate(today, errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        var (from, to) = period.Resolve(today);
        return TypedResults.Ok(await groups.SharesAsync(from, to, ct));
    }
}
