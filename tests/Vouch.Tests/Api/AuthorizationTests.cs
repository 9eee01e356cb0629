using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

/// <summary>
/// Every endpoint and page, every role: the roles a route names are let in, every other role gets
/// 403, and nobody anonymous gets in. A route missing from <see cref="s_routes"/> fails the build of trust.
/// </summary>
public sealed class AuthorizationTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static readonly string[] s_employees = [Roles.Admin, Roles.ReferenceManager, Roles.Seller, Roles.Executive];
    private static readonly string[] s_everyone = [.. Roles.All];
    private static readonly string[] s_managers = [Roles.Admin, Roles.ReferenceManager];
    private static readonly string[] s_admins = [Roles.Admin];
    private static readonly string[] s_exporters = [Roles.Admin, Roles.ReferenceManager, Roles.Seller];
    private static readonly string[] s_askers = [Roles.Admin, Roles.ReferenceManager, Roles.Seller];
    private static readonly string[] s_answerers = [Roles.Admin, Roles.ReferenceManager, Roles.Advocate];
    private static readonly string[] s_reports = [Roles.Admin, Roles.ReferenceManager, Roles.Executive];
    private const string SomeId = "0199a000-0000-7000-8000-000000000000";

    /// <summary>Method, route pattern, a concrete path, a body, and the roles allowed.</summary>
    private static readonly (string Method, string Pattern, string Path, object? Body, string[] Allowed)[] s_routes =
    [
        ("GET", "/api/v1/me", "/api/v1/me", null, s_everyone),
        ("GET", "/api/v1/users/", "/api/v1/users", null, s_admins),
        ("POST", "/api/v1/users/", "/api/v1/users", new { }, s_admins),
        ("POST", "/api/v1/users/{email}/disable", "/api/v1/users/nobody@example.com/disable", null, s_admins),
        ("PUT", "/api/v1/users/{email}/contact", "/api/v1/users/nobody@example.com/contact", new { }, s_admins),
        ("GET", "/api/v1/tokens/", "/api/v1/tokens", null, s_everyone),
        ("POST", "/api/v1/tokens/", "/api/v1/tokens", new { }, s_everyone),
        ("DELETE", "/api/v1/tokens/{id:guid}", $"/api/v1/tokens/{SomeId}", null, s_everyone),
        ("GET", "/api/v1/industries", "/api/v1/industries", null, s_employees),
        ("GET", "/api/v1/countries", "/api/v1/countries", null, s_employees),
        ("GET", "/api/v1/products", "/api/v1/products", null, s_employees),
        ("POST", "/api/v1/products", "/api/v1/products", new { }, s_managers),
        ("GET", "/api/v1/accounts/", "/api/v1/accounts", null, s_employees),
        ("GET", "/api/v1/accounts/{id:guid}", $"/api/v1/accounts/{SomeId}", null, s_employees),
        ("POST", "/api/v1/accounts/", "/api/v1/accounts", new { }, s_managers),
        ("PUT", "/api/v1/accounts/{id:guid}", $"/api/v1/accounts/{SomeId}", new { }, s_managers),
        ("DELETE", "/api/v1/accounts/{id:guid}", $"/api/v1/accounts/{SomeId}", null, s_managers),
        ("POST", "/api/v1/accounts/{id:guid}/restore", $"/api/v1/accounts/{SomeId}/restore", null, s_managers),
        ("GET", "/api/v1/contacts/", "/api/v1/contacts", null, s_employees),
        ("GET", "/api/v1/contacts/{id:guid}", $"/api/v1/contacts/{SomeId}", null, s_employees),
        ("GET", "/api/v1/content/", "/api/v1/content", null, s_employees),
        ("GET", "/api/v1/content/{id:guid}", $"/api/v1/content/{SomeId}", null, s_employees),
        ("POST", "/api/v1/content/", "/api/v1/content", new { }, s_managers),
        ("PUT", "/api/v1/content/{id:guid}", $"/api/v1/content/{SomeId}", new { }, s_managers),
        ("DELETE", "/api/v1/content/{id:guid}", $"/api/v1/content/{SomeId}", null, s_managers),
        ("POST", "/api/v1/content/{id:guid}/state", $"/api/v1/content/{SomeId}/state", new { }, s_managers),
        ("POST", "/api/v1/content/{id:guid}/uses", $"/api/v1/content/{SomeId}/uses", null, s_employees),
        ("POST", "/api/v1/content/{id:guid}/file", $"/api/v1/content/{SomeId}/file", null, s_managers),
        ("GET", "/api/v1/content/{id:guid}/file", $"/api/v1/content/{SomeId}/file", null, s_employees),
        ("POST", "/api/v1/contacts/", "/api/v1/contacts", new { }, s_managers),
        ("PUT", "/api/v1/contacts/{id:guid}", $"/api/v1/contacts/{SomeId}", new { }, s_managers),
        ("DELETE", "/api/v1/contacts/{id:guid}", $"/api/v1/contacts/{SomeId}", null, s_managers),
        ("POST", "/api/v1/contacts/{id:guid}/restore", $"/api/v1/contacts/{SomeId}/restore", null, s_managers),
        ("POST", "/api/v1/contacts/{id:guid}/nps-answers", $"/api/v1/contacts/{SomeId}/nps-answers", new { }, s_managers),
        ("GET", "/api/v1/contacts/{id:guid}/personal-data", $"/api/v1/contacts/{SomeId}/personal-data", null, s_managers),
        ("POST", "/api/v1/contacts/{id:guid}/erase", $"/api/v1/contacts/{SomeId}/erase", null, s_admins),
        ("GET", "/api/v1/activity-types/", "/api/v1/activity-types", null, s_everyone),
        ("POST", "/api/v1/activity-types/", "/api/v1/activity-types", new { }, s_admins),
        ("PUT", "/api/v1/activity-types/{key}", "/api/v1/activity-types/no-such-type", new { }, s_admins),
        ("GET", "/api/v1/references/", "/api/v1/references", null, s_employees),
        ("GET", "/api/v1/references/export.csv", "/api/v1/references/export.csv", null, s_exporters),
        ("GET", "/api/v1/references/export.xlsx", "/api/v1/references/export.xlsx", null, s_exporters),
        ("GET", "/api/v1/ideas/", "/api/v1/ideas", null, s_everyone),
        ("POST", "/api/v1/ideas/", "/api/v1/ideas", new { }, s_everyone),
        ("GET", "/api/v1/ideas/similar", "/api/v1/ideas/similar?text=export", null, s_everyone),
        ("GET", "/api/v1/ideas/{id:guid}", $"/api/v1/ideas/{SomeId}", null, s_everyone),
        ("POST", "/api/v1/ideas/{id:guid}/votes", $"/api/v1/ideas/{SomeId}/votes", null, s_everyone),
        ("DELETE", "/api/v1/ideas/{id:guid}/votes", $"/api/v1/ideas/{SomeId}/votes", null, s_everyone),
        ("POST", "/api/v1/ideas/{id:guid}/comments", $"/api/v1/ideas/{SomeId}/comments", new { }, s_everyone),
        ("POST", "/api/v1/ideas/{id:guid}/follow", $"/api/v1/ideas/{SomeId}/follow", null, s_everyone),
        ("DELETE", "/api/v1/ideas/{id:guid}/follow", $"/api/v1/ideas/{SomeId}/follow", null, s_everyone),
        ("POST", "/api/v1/ideas/{id:guid}/status", $"/api/v1/ideas/{SomeId}/status", new { }, s_managers),
        ("POST", "/api/v1/ideas/{id:guid}/merge", $"/api/v1/ideas/{SomeId}/merge", new { }, s_managers),
        ("DELETE", "/api/v1/ideas/{id:guid}/merge", $"/api/v1/ideas/{SomeId}/merge", null, s_managers),
        ("POST", "/api/v1/ideas/{id:guid}/hide", $"/api/v1/ideas/{SomeId}/hide", null, s_managers),
        ("DELETE", "/api/v1/ideas/{id:guid}/hide", $"/api/v1/ideas/{SomeId}/hide", null, s_managers),
        ("POST", "/api/v1/ideas/{id:guid}/comments/{commentId:guid}/hide", $"/api/v1/ideas/{SomeId}/comments/{SomeId}/hide", new { }, s_managers),
        ("DELETE", "/api/v1/ideas/{id:guid}/comments/{commentId:guid}/hide", $"/api/v1/ideas/{SomeId}/comments/{SomeId}/hide", null, s_managers),
        ("POST", "/api/v1/requests/", "/api/v1/requests", new { }, s_askers),
        ("GET", "/api/v1/requests/", "/api/v1/requests", null, s_employees),
        ("GET", "/api/v1/requests/{id:guid}", $"/api/v1/requests/{SomeId}", null, s_employees),
        ("GET", "/api/v1/requests/{id:guid}/matches", $"/api/v1/requests/{SomeId}/matches", null, s_employees),
        ("POST", "/api/v1/requests/{id:guid}/assign", $"/api/v1/requests/{SomeId}/assign", new { }, s_askers),
        ("POST", "/api/v1/requests/{id:guid}/owner-consent", $"/api/v1/requests/{SomeId}/owner-consent", new { decision = "approve" }, s_askers),
        ("POST", "/api/v1/requests/{id:guid}/accept", $"/api/v1/requests/{SomeId}/accept", null, s_answerers),
        ("POST", "/api/v1/requests/{id:guid}/decline", $"/api/v1/requests/{SomeId}/decline", new { }, s_answerers),
        ("POST", "/api/v1/requests/{id:guid}/schedule", $"/api/v1/requests/{SomeId}/schedule", new { }, s_askers),
        ("POST", "/api/v1/requests/{id:guid}/complete", $"/api/v1/requests/{SomeId}/complete", null, s_askers),
        ("POST", "/api/v1/requests/{id:guid}/feedback", $"/api/v1/requests/{SomeId}/feedback", new { }, s_askers),
        ("POST", "/api/v1/requests/{id:guid}/cancel", $"/api/v1/requests/{SomeId}/cancel", new { }, s_askers),
        ("GET", "/api/v1/reports/references", "/api/v1/reports/references", null, s_reports),
        ("GET", "/api/v1/opportunities/{id:guid}", $"/api/v1/opportunities/{SomeId}", null, s_employees),
        ("POST", "/api/v1/opportunities/{id:guid}/close", $"/api/v1/opportunities/{SomeId}/close", new { }, s_askers),
        ("GET", "/api/v1/notifications/", "/api/v1/notifications", null, s_everyone),
        ("GET", "/api/v1/notifications/unread", "/api/v1/notifications/unread", null, s_everyone),
        ("POST", "/api/v1/notifications/{id:guid}/read", $"/api/v1/notifications/{SomeId}/read", null, s_everyone),
        ("POST", "/api/v1/notifications/read-all", "/api/v1/notifications/read-all", null, s_everyone),
        ("GET", "/api/v1/email/status", "/api/v1/email/status", null, s_admins),
        ("GET", "/api/v1/audit", "/api/v1/audit", null, s_admins),
        ("POST", "/api/v1/imports/", "/api/v1/imports", new { }, s_managers),
        ("GET", "/api/v1/imports/{id:guid}", $"/api/v1/imports/{SomeId}", null, s_managers),
        ("GET", "/api/v1/imports/{id:guid}/report", $"/api/v1/imports/{SomeId}/report", null, s_managers),
        ("GET", "/api/v1/reports/supply-demand", "/api/v1/reports/supply-demand", null, s_reports),
        ("GET", "/openapi/{documentName}.json", "/openapi/v1.json", null, s_everyone),
        ("GET", "/api/reference/{documentName?}", "/api/reference", null, s_everyone),
        ("GET", "/", "/", null, s_everyone),
        ("GET", "/accounts", "/accounts", null, s_employees),
        ("GET", "/accounts/{id:guid}", $"/accounts/{SomeId}", null, s_employees),
        ("GET", "/accounts/new", "/accounts/new", null, s_managers),
        ("GET", "/accounts/{id:guid}/edit", $"/accounts/{SomeId}/edit", null, s_managers),
        ("GET", "/accounts/deleted", "/accounts/deleted", null, s_managers),
        ("GET", "/contacts", "/contacts", null, s_employees),
        ("GET", "/content", "/content", null, s_employees),
        ("GET", "/content/{id:guid}", $"/content/{SomeId}", null, s_employees),
        ("GET", "/content/{id:guid}/edit", $"/content/{SomeId}/edit", null, s_managers),
        ("GET", "/content/new", "/content/new", null, s_managers),
        ("GET", "/contacts/{id:guid}", $"/contacts/{SomeId}", null, s_employees),
        ("GET", "/contacts/{id:guid}/edit", $"/contacts/{SomeId}/edit", null, s_managers),
        ("GET", "/contacts/new", "/contacts/new", null, s_managers),
        ("GET", "/activity-types", "/activity-types", null, s_admins),
        ("GET", "/references", "/references", null, s_employees),
        ("GET", "/opportunities", "/opportunities", null, s_employees),
        ("GET", "/opportunities/{id:guid}", $"/opportunities/{SomeId}", null, s_employees),
        ("GET", "/requests", "/requests", null, s_employees),
        ("GET", "/requests/new", "/requests/new", null, s_askers),
        ("GET", "/requests/{id:guid}", $"/requests/{SomeId}", null, s_employees),
        ("GET", "/ideas", "/ideas", null, s_everyone),
        ("GET", "/ideas/new", "/ideas/new", null, s_everyone),
        ("GET", "/ideas/{id:guid}", $"/ideas/{SomeId}", null, s_everyone),
        ("GET", "/notifications", "/notifications", null, s_everyone),
        ("GET", "/users", "/users", null, s_admins),
        ("GET", "/import", "/import", null, s_managers),
        ("GET", "/import/{id:guid}", $"/import/{SomeId}", null, s_managers),
        ("GET", "/tokens", "/tokens", null, s_everyone),
        ("GET", "/settings", "/settings", null, s_everyone),
        ("GET", "/portal", "/portal", null, [Roles.Advocate]),
        ("GET", "/reports/supply-demand", "/reports/supply-demand", null, s_reports),
        ("GET", "/reports/references", "/reports/references", null, s_reports),
    ];

    /// <summary>
    /// Routes anyone may call: signing in and out, the refusal page, the load balancer's health probe,
    /// and the API reference page's own script and icon (public library files, no data).
    /// </summary>
    private static readonly string[] s_public =
    [
        "/health", "/sign-in", "/sign-in/external", "/sign-out", "/access-denied",
        "/api/reference/scalar.js", "/api/reference/scalar.aspnetcore.js", "/api/reference/favicon.svg",
    ];

    public static TheoryData<string, string> RoutesAndRoles()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in s_routes)
        {
            foreach (var role in Roles.All)
            {
                data.Add($"{route.Method} {route.Path}", role);
            }
        }
        return data;
    }

    public static TheoryData<string> Routes() => [.. s_routes.Select(r => $"{r.Method} {r.Path}")];

    [Fact]
    public void Every_endpoint_of_the_app_is_in_the_table()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } text && !text.StartsWith("/_", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .Where(route => !s_public.Any(p => route.EndsWith(" " + p, StringComparison.Ordinal)))
            .ToHashSet();
        var tested = s_routes.Select(r => $"{r.Method} {Normalize(r.Pattern)}").ToHashSet();

        Assert.Empty(endpoints.Except(tested));
    }

    [Theory]
    [MemberData(nameof(RoutesAndRoles))]
    public async Task Each_role_is_let_in_or_refused_as_the_policy_says(string route, string role)
    {
        var (method, _, path, body, allowed) = s_routes.Single(r => $"{r.Method} {r.Path}" == route);
        using var client = await app.ClientForAsync(role);

        using var response = await client.SendAsync(Request(method, path, body), TestContext.Current.CancellationToken);

        if (allowed.Contains(role))
        {
            Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Anonymous_callers_are_refused(string route)
    {
        var (method, _, path, body, _) = s_routes.Single(r => $"{r.Method} {r.Path}" == route);
        using var client = app.AnonymousClient();

        using var response = await client.SendAsync(Request(method, path, body), TestContext.Current.CancellationToken);

        if (path.StartsWith("/api", StringComparison.Ordinal) || path.StartsWith("/openapi", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_wrong_token_is_refused_with_a_problem()
    {
        using var client = app.ClientWithToken("vouch_not-a-real-token");

        using var response = await client.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    private static HttpRequestMessage Request(string method, string path, object? body) =>
        new(new HttpMethod(method), path) { Content = body is null ? null : JsonContent.Create(body) };

    /// <summary>Razor Pages patterns have no leading slash and groups leave a trailing one.</summary>
    private static string Normalize(string pattern) => "/" + pattern.Trim('/');
}
