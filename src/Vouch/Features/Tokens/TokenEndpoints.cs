using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Web;

namespace Vouch.Features.Tokens;

public sealed record CreateTokenRequest(string? Name, int? ExpiresInDays);

public static class TokenEndpoints
{
    public static RouteGroupBuilder MapTokens(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("Access tokens").RequireAuthorization(Policies.SignedIn);
        tokens.MapGet("/", async (CurrentUser user, AccessTokens tokens, CancellationToken ct) => TypedResults.Ok(await tokens.ListAsync(user.Id, ct)))
            .WithName("ListTokens").WithSummary("List the caller's own access tokens (never their secrets).");
        tokens.MapPost("/", Create)
            .WithName("CreateToken").WithSummary("Create an access token for the caller; its secret is shown only in this response.");
        tokens.MapDelete("/{id:guid}", Revoke)
            .WithName("RevokeToken").WithSummary("Revoke one of the caller's access tokens.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Created<CreatedAccessToken>, ValidationProblem, ProblemHttpResult>> Create(
        CreateTokenRequest request, CurrentUser user, AccessTokens tokens, CancellationToken ct) =>
        (await tokens.CreateAsync(user.Id, request.Name, request.ExpiresInDays, ct))
            .ToApi(created => TypedResults.Created($"/api/v1/tokens/{created.Token.Id}", created));

    private static async Task<Results<Ok<AccessTokenResponse>, ValidationProblem, ProblemHttpResult>> Revoke(
        Guid id, CurrentUser user, AccessTokens tokens, CancellationToken ct) =>
        (await tokens.RevokeAsync(user.Id, id, ct)).ToApi(TypedResults.Ok);
}
