using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Vouch.Data;
using Vouch.Features.Users;
using Vouch.Hosting;

namespace Vouch.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>Chooses the bearer-token scheme when a request carries one, else the Identity cookie.</summary>
    private const string CookieOrBearer = "CookieOrBearer";

    public const string SignInRateLimit = "sign-in";

    /// <summary>How long a signed-in user's roles and claims may be reused before they are read again.</summary>
    public static readonly TimeSpan ClaimsRefreshInterval = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddVouchAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<User, IdentityRole<Guid>>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<VouchDbContext>()
            .AddDefaultTokenProviders()
            .AddSignInManager<VouchSignInManager>()
            .AddClaimsPrincipalFactory<VouchClaimsPrincipalFactory>();

        // A disabled user's cookie stops working within a minute, on every instance.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = ClaimsRefreshInterval);
        services.AddMemoryCache();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/sign-in";
            options.LogoutPath = "/sign-out";
            options.AccessDeniedPath = "/access-denied";
            options.Cookie.Name = "vouch.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers 401/403 with problem details instead of redirecting to a page.
            options.Events.OnRedirectToLogin = context => RedirectUnlessApi(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectUnlessApi(context, StatusCodes.Status403Forbidden);
        });

        var authentication = services.AddAuthentication(options =>
            {
                // AddIdentity named the cookie for each of these; every one must see bearer tokens too.
                options.DefaultScheme = CookieOrBearer;
                options.DefaultAuthenticateScheme = CookieOrBearer;
                options.DefaultChallengeScheme = CookieOrBearer;
                options.DefaultForbidScheme = CookieOrBearer;
            })
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer token", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? AccessTokenAuthenticationHandler.SchemeName
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AccessTokenAuthenticationHandler.SchemeName, null);

        var sso = SingleSignOnSettings.From(configuration);
        if (sso is not null)
        {
            authentication.AddOpenIdConnect(SingleSignOnSettings.Scheme, sso.DisplayName, options =>
            {
                options.SignInScheme = IdentityConstants.ExternalScheme;
                options.Authority = sso.Authority;
                options.ClientId = sso.ClientId;
                options.ClientSecret = sso.ClientSecret;
                options.ResponseType = "code";
                options.UsePkce = true;
                options.Scope.Add("email");
                options.GetClaimsFromUserInfoEndpoint = true;
                options.CallbackPath = "/signin-oidc";
            });
        }
        services.AddSingleton(new SingleSignOnAvailability(sso));

        services.AddScoped<CurrentUser>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.SignedIn, policy => policy.RequireAuthenticatedUser())
            .AddRolePolicies();

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Guessing passwords from one address is slowed down here; lockout stops guessing one account.
            // Only attempts count: showing the form is free.
            options.AddPolicy(SignInRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("form"));
        });

        return services;
    }

    private static AuthorizationBuilder AddRolePolicies(this AuthorizationBuilder builder)
    {
        foreach (var (policy, roles) in Policies.Shared.Concat(CapabilityModules.All.SelectMany(m => m.Policies)))
        {
            builder.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }
        return builder;
    }

    private static Task RedirectUnlessApi(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int statusCode)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi"))
        {
            context.Response.StatusCode = statusCode;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Optional OpenID Connect sign-in, configured by settings alone:
/// <c>Authentication:OpenIdConnect:Authority</c>, <c>ClientId</c>, <c>ClientSecret</c> and <c>DisplayName</c>.
/// People sign in with SSO only when an admin has created their user with the same email.
/// </summary>
public sealed record SingleSignOnSettings(string Authority, string ClientId, string? ClientSecret, string DisplayName)
{
    public const string Scheme = "oidc";

    public static SingleSignOnSettings? From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Authentication:OpenIdConnect");
        var authority = section["Authority"];
        var clientId = section["ClientId"];
        if (string.IsNullOrWhiteSpace(authority) || string.IsNullOrWhiteSpace(clientId))
        {
            return null;
        }
        return new SingleSignOnSettings(authority, clientId, section["ClientSecret"], section["DisplayName"] ?? "Single sign-on");
    }
}

public sealed record SingleSignOnAvailability(SingleSignOnSettings? Settings);
