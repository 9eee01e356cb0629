using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Vouch.Data;
using Vouch.Features.Tokens;
using Vouch.Features.Users;

namespace Vouch.Auth;

/// <summary>Signs in API callers who send <c>Authorization: Bearer &lt;personal access token&gt;</c>.</summary>
public sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    VouchDbContext db,
    IMemoryCache cache,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    /// <summary>How stale <see cref="AccessToken.LastUsedAt"/> may get before it is written again.</summary>
    private static readonly TimeSpan s_lastUsedResolution = TimeSpan.FromMinutes(5);

    /// <summary>Every API request runs this query first, so it is compiled once and its results are not tracked.</summary>
    private static readonly Func<VouchDbContext, byte[], CancellationToken, Task<AccessToken?>> s_findByHash =
        EF.CompileAsyncQuery((VouchDbContext db, byte[] hash, CancellationToken ct) =>
            db.AccessTokens.AsNoTracking().Include(t => t.User).SingleOrDefault(t => t.Hash == hash));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var hash = AccessToken.HashOf(header["Bearer ".Length..].Trim());
        var token = await s_findByHash(db, hash, Context.RequestAborted);
        var now = clock.GetUtcNow();
        if (token?.User is not { IsDisabled: false } user || !token.IsActiveAt(now))
        {
            return AuthenticateResult.Fail("The access token is unknown, expired or revoked.");
        }
        if (token.LastUsedAt is null || now - token.LastUsedAt > s_lastUsedResolution)
        {
            try
            {
                await db.AccessTokens.Where(t => t.Id == token.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
            }
            catch (Exception e) when (DatabaseFaults.Classify(e) is not null)
            {
                // When a token was last used is bookkeeping: a database that is busy or full still serves reads.
                Logger.LogWarning(e, "The last use of access token {TokenId} was not recorded.", token.Id);
            }
        }
        var claims = await cache.GetOrCreateAsync(new ClaimsCacheKey(user.Id, user.SecurityStamp), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = AuthServiceCollectionExtensions.ClaimsRefreshInterval;
            // Resolved only here: the factory brings a UserManager and a RoleManager, whose construction
            // (token providers, data protectors) costs more than the token query.
            var principalFactory = Context.RequestServices.GetRequiredService<IUserClaimsPrincipalFactory<User>>();
            return (await principalFactory.CreateAsync(user)).Claims.ToArray();
        });
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>
    /// Building the claims (roles, user and role claims) takes four queries; the token, its user and
    /// whether either is revoked, expired or disabled are still read on every request. Like a sign-in
    /// cookie's, the claims are refreshed after <see cref="AuthServiceCollectionExtensions.ClaimsRefreshInterval"/>,
    /// or at once when the user's security stamp changes.
    /// </summary>
    private readonly record struct ClaimsCacheKey(Guid UserId, string? SecurityStamp);

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }
}
