using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Scim;

/// <summary>
/// SCIM 2.0 provisioning: an identity provider (Okta, Entra ID) creates, changes, disables and deletes users and puts
/// them in the roles; see docs/decisions/0031-scim-provisioning.md.
/// </summary>
public sealed class ScimModule : ICapabilityModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ScimUsers>();
        services.AddScoped<ScimGroups>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ScimAuthorizationResultHandler>();
    }

    public void MapRootEndpoints(IEndpointRouteBuilder app) => app.MapScim();
}

/// <summary>
/// A SCIM client that sends no token, or a token of someone who is not an admin, gets a SCIM error (401 with the bearer
/// challenge, or 403), which is what identity providers read; every other endpoint is answered as before.
/// </summary>
public sealed class ScimAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || context.GetEndpoint()?.Metadata.GetMetadata<ScimEndpoint>() is null)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        if (authorizeResult.Forbidden)
        {
            await context.ForbidAsync(AccessTokenAuthenticationHandler.SchemeName);
            await new ScimError(StatusCodes.Status403Forbidden, null, "SCIM is for admins' access tokens; this token's user is not an admin.").ExecuteAsync(context);
            return;
        }
        await context.ChallengeAsync(AccessTokenAuthenticationHandler.SchemeName);
        await new ScimError(StatusCodes.Status401Unauthorized, null, "Send an admin's access token as 'Authorization: Bearer <token>'.").ExecuteAsync(context);
    }
}
