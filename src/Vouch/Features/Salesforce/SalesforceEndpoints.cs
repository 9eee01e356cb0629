using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Web;

namespace Vouch.Features.Salesforce;

public static class SalesforceEndpoints
{
    /// <summary>The Salesforce sync at <c>/integrations/salesforce</c>: admins only.</summary>
    public static RouteGroupBuilder MapSalesforce(this RouteGroupBuilder api)
    {
        var salesforce = api.MapGroup("/integrations/salesforce").WithTags("Salesforce").RequireAuthorization(Policies.Administer);
        salesforce.MapGet("/", async (SalesforceIntegration integration, CancellationToken ct) => TypedResults.Ok(await integration.GetAsync(ct)))
            .WithName("GetSalesforce").WithSummary("The connection (never its secrets), what is synced and when, the last syncs with their counts and errors, and pushes Salesforce refused.");
        salesforce.MapPut("/", async (SalesforceOptionsBody body, SalesforceIntegration integration, CancellationToken ct) =>
                (await integration.UpdateAsync(body, ct)).ToApi(TypedResults.Ok))
            .WithName("UpdateSalesforce").WithSummary("Change what is synced and when; a push turned on starts from now. Send the version you read.");
        salesforce.MapPost("/sync", async (CurrentUser user, SalesforceIntegration integration, CancellationToken ct) =>
                (await integration.RequestSyncAsync(user.Id, ct)).ToApi(state => TypedResults.Accepted("/api/v1/integrations/salesforce", state)))
            .WithName("SyncSalesforce").WithSummary("Sync now: pull what changed in Salesforce, then push what is due.");
        salesforce.MapPost("/check", async (SalesforceIntegration integration, CancellationToken ct) =>
                (await integration.CheckAsync(ct)).ToApi(TypedResults.NoContent))
            .WithName("CheckSalesforce").WithSummary("Sign in to Salesforce now, to see whether the connection works.");
        salesforce.MapGet("/runs/{id:guid}", async Task<Results<Ok<SalesforceRunDetailsResponse>, NotFound>> (
                Guid id, SalesforceIntegration integration, CancellationToken ct) =>
                await integration.RunAsync(id, ct) is { } run ? TypedResults.Ok(run) : TypedResults.NotFound())
            .WithName("GetSalesforceSync").WithSummary("One sync with every record it rejected and why.");
        return api;
    }
}
