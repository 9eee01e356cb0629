using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Features.Users;
using Vouch.Web;

namespace Vouch.Features.Tokens;

public sealed record CreateTokenRequest(string? Name, int? ExpiresInDays);

public static class TokenEndpoints
{
    public static RouteGroupBuilder MapTokens(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("Access tokens").RequireAuthorization(Policies.SignedIn);
        tokens.MapGet("/", async (ClaimsPrincipal user, AccessTokens tokens, CancellationToken ct) => TypedResults.Ok(await tokens.ListAsync(user.UserId(), ct)))
            .WithName("ListTokens").WithSummary("List the caller's own access tokens (never their secrets).");
        tokens.MapPost("/", Create)
            .WithName("CreateToken").WithSummary("Create an access token for the caller; its secret is shown only in this response.");
        tokens.MapDelete("/{id:guid}", Revoke)
            .WithName("RevokeToken").WithSummary("Revoke one of the caller's access tokens.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Created<CreatedAccessToken>, ValidationProblem>> Create(
        CreateTokenRequest request, ClaimsPrincipal user, AccessTokens tokens, CancellationToken ct)
    {
        var (created, errors) = await tokens.CreateAsync(user.UserId(), request.Name, request.ExpiresInDays, ct);
        return created is null ? errors.ToProblem() : TypedResults.Created($"/api/v1/tokens/{created.Token.Id}", created);
    }

    private static async Task<Results<Ok<AccessTokenResponse>, ProblemHttpResult>> Revoke(
        Guid id, ClaimsPrincipal user, AccessTokens tokens, CancellationToken ct) =>
        await tokens.RevokeAsync(user.UserId(), id, ct) is { } token ? TypedResults.Ok(token) : Problems.NotFound("The token");
}
