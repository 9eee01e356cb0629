using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Web;

namespace Vouch.Features.Value;

public static class ValueEndpoints
{
    public static RouteGroupBuilder MapValue(this RouteGroupBuilder api)
    {
        api.MapGet("/accounts/{id:guid}/value", OfAccount).RequireAuthorization(Policies.ReadInventory).WithTags("Value")
            .WithName("GetAccountValue").WithSummary("An account's engagement value: lifetime, referral, influence and knowledge value with the lines behind each, the sum and the multiple. Sellers see their own accounts'.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/contacts/{id:guid}/value", OfContact).RequireAuthorization(Policies.ReadInventory).WithTags("Value")
            .WithName("GetContactValue").WithSummary("A contact's engagement value, their account's gross profit as what they are worth as a buyer. Sellers see the contacts of their own accounts.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var value = api.MapGroup("/value").WithTags("Value");
        value.MapGet("/settings", GetSettings).RequireAuthorization(Policies.ReadReports)
            .WithName("GetValueSettings").WithSummary("The value model's settings (rates are fractions: 0.85 is 85 %), the keys a weight may name, and the version to send back with a change.");
        value.MapPut("/settings", SaveSettings).RequireAuthorization(Policies.ManageInventory)
            .WithName("SaveValueSettings").WithSummary("Change the value model's settings; a field left out keeps its value. Settings outside sense are refused naming the field, and nothing changes.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        value.MapGet("/customers", Customers).RequireAuthorization(Policies.ReadReports)
            .WithName("ListCustomerValues").WithSummary("Customers by engagement value or by multiple (sort), highest first, as last worked out; customers without gross profit on record are left out.");
        value.MapGet("/segments", Segments).RequireAuthorization(Policies.ReadReports)
            .WithName("ValueBySegment").WithSummary("The referral and influence value each segment's customers produce, most first: where to recruit next.");
        value.MapGet("/industries", Industries).RequireAuthorization(Policies.ReadReports)
            .WithName("ValueByIndustry").WithSummary("The referral and influence value each industry's customers produce, most first.");
        value.MapGet("/advocates", Advocates).RequireAuthorization(Policies.ReadReports)
            .WithName("AdvocateUse").WithSummary($"Advocates whose value per hour asked is {ValueQueries.UnderUsedFactor}× the program's typical or more, or never asked (under-used), and those under 1/{ValueQueries.OverUsedFactor} of it (over-used).");
        return api;
    }

    private static async Task<Results<Ok<EngagementValueResponse>, ValidationProblem, ProblemHttpResult>> OfAccount(Guid id, ValueQueries queries, CancellationToken ct) =>
        (await queries.OfAccountAsync(id, ct)).OrNotFound("The account").ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<EngagementValueResponse>, ValidationProblem, ProblemHttpResult>> OfContact(Guid id, ValueQueries queries, CancellationToken ct) =>
        (await queries.OfContactAsync(id, ct)).OrNotFound("The contact").ToApi(TypedResults.Ok);

    private static async Task<Ok<ValueSettingsResponse>> GetSettings(ValueSettingsStore store, CancellationToken ct) => TypedResults.Ok(await store.GetAsync(ct));

    private static async Task<Results<Ok<ValueSettingsResponse>, ValidationProblem, ProblemHttpResult>> SaveSettings(
        ValueSettingsBody body, ValueSettingsStore store, CancellationToken ct) =>
        (await store.SaveAsync(body, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<Paged<CustomerValueRow>>, ValidationProblem, ProblemHttpResult>> Customers(
        [AsParameters] PageQuery page, [AsParameters] CustomerValueFilter filter, ValueQueries queries, CancellationToken ct) =>
        (await page.ListAsync(() => queries.CustomersAsync(page, filter, ct), filter.Validate)).ToApi(TypedResults.Ok);

    private static async Task<Ok<IReadOnlyList<GroupValueRow>>> Segments(ValueQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.SegmentsAsync(ct));

    private static async Task<Ok<IReadOnlyList<GroupValueRow>>> Industries(ValueQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.IndustriesAsync(ct));

    private static async Task<Ok<AdvocateUse>> Advocates(ValueQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.AdvocatesAsync(ct));
}
