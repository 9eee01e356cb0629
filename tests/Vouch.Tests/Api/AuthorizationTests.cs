using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vouch.Auth;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

/// <summary>
/// Every endpoint and every page handler, every role: the roles a route names are let in, every other role
/// gets 403, and nobody anonymous gets in. A route or page handler missing from <see cref="s_routes"/>, or a
/// row the app no longer has, fails the build of trust.
/// </summary>
public sealed partial class AuthorizationTests(AuthorizationTests.App app) : IClassFixture<AuthorizationTests.App>
{
    /// <summary>
    /// The app with one client per role, made on first use: a new user for each of the table's requests would
    /// spend the run hashing passwords. Each client sends its user's antiforgery token, as a form would, so a
    /// page handler that refuses a role is reached rather than stopped by the missing token's 400.
    /// </summary>
    public sealed class App : VouchApp
    {
        private readonly Dictionary<string, HttpClient> _clients = [];

        public async Task<HttpClient> ClientOfRoleAsync(string role)
        {
            if (!_clients.TryGetValue(role, out var client))
            {
                client = await ClientForAsync(role);
                // Every role may open its tokens page; its forms hold the request token, and the client keeps the cookie that pairs with it.
                var page = await client.GetStringAsync("/tokens");
                var header = Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.HeaderName!;
                client.DefaultRequestHeaders.Add(header, AntiforgeryField().Match(page).Groups[1].Value);
                _clients[role] = client;
            }
            return client;
        }

        public override async ValueTask DisposeAsync()
        {
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }
            await base.DisposeAsync();
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private static readonly string[] s_employees = [Roles.Admin, Roles.ReferenceManager, Roles.Seller, Roles.Executive];
    private static readonly string[] s_everyone = [.. Roles.All];
    private static readonly string[] s_managers = [Roles.Admin, Roles.ReferenceManager];
    private static readonly string[] s_admins = [Roles.Admin];
    private static readonly string[] s_exporters = [Roles.Admin, Roles.ReferenceManager, Roles.Seller];
    private static readonly string[] s_askers = [Roles.Admin, Roles.ReferenceManager, Roles.Seller];
    private static readonly string[] s_answerers = [Roles.Admin, Roles.ReferenceManager, Roles.Advocate];
    private static readonly string[] s_reports = [Roles.Admin, Roles.ReferenceManager, Roles.Executive];
    private static readonly string[] s_executives = [Roles.Admin, Roles.Executive];
    private const string SomeId = "0199a000-0000-7000-8000-000000000000";

    /// <summary>
    /// Method, route pattern, a concrete path, a body, and the roles allowed. A page's named handler is its
    /// pattern with <c>?handler=Name</c>; page posts are sent as an empty form, their handler's arguments in the query.
    /// </summary>
    private static readonly (string Method, string Pattern, string Path, object? Body, string[] Allowed)[] s_routes =
    [
        ("GET", "/api/v1/me", "/api/v1/me", null, s_everyone),
        // The header's search: every role finds something (an advocate the exchange's ideas); what, the records' own policies decide.
        ("GET", "/api/v1/find", "/api/v1/find?q=a", null, s_everyone),
        ("GET", "/find", "/find?q=a", null, s_everyone),
        ("GET", "/find?handler=List", "/find?handler=List&q=a", null, s_everyone),
        ("GET", "/api/v1/me/language", "/api/v1/me/language", null, s_everyone),
        ("PUT", "/api/v1/me/language", "/api/v1/me/language", new { }, s_everyone),
        ("GET", "/api/v1/users/", "/api/v1/users", null, s_admins),
        ("POST", "/api/v1/users/", "/api/v1/users", new { }, s_admins),
        ("POST", "/api/v1/users/{email}/disable", "/api/v1/users/nobody@example.com/disable", null, s_admins),
        ("PUT", "/api/v1/users/{email}/contact", "/api/v1/users/nobody@example.com/contact", new { }, s_admins),
        ("GET", "/api/v1/webhooks/", "/api/v1/webhooks", null, s_admins),
        ("GET", "/api/v1/webhooks/event-types", "/api/v1/webhooks/event-types", null, s_admins),
        ("POST", "/api/v1/webhooks/", "/api/v1/webhooks", new { }, s_admins),
        ("GET", "/api/v1/webhooks/{id:guid}", $"/api/v1/webhooks/{SomeId}", null, s_admins),
        ("PUT", "/api/v1/webhooks/{id:guid}", $"/api/v1/webhooks/{SomeId}", new { }, s_admins),
        ("DELETE", "/api/v1/webhooks/{id:guid}", $"/api/v1/webhooks/{SomeId}", null, s_admins),
        ("GET", "/api/v1/webhooks/{id:guid}/deliveries", $"/api/v1/webhooks/{SomeId}/deliveries", null, s_admins),
        ("POST", "/api/v1/webhooks/{id:guid}/ping", $"/api/v1/webhooks/{SomeId}/ping", null, s_admins),
        ("POST", "/api/v1/webhooks/{id:guid}/deliveries/{deliveryId:guid}/redeliver", $"/api/v1/webhooks/{SomeId}/deliveries/{SomeId}/redeliver", null, s_admins),
        ("GET", "/api/v1/integrations/channels/", "/api/v1/integrations/channels", null, s_admins),
        ("POST", "/api/v1/integrations/channels/", "/api/v1/integrations/channels", new { }, s_admins),
        ("GET", "/api/v1/integrations/channels/{id:guid}", $"/api/v1/integrations/channels/{SomeId}", null, s_admins),
        ("PUT", "/api/v1/integrations/channels/{id:guid}", $"/api/v1/integrations/channels/{SomeId}", new { }, s_admins),
        ("DELETE", "/api/v1/integrations/channels/{id:guid}", $"/api/v1/integrations/channels/{SomeId}", null, s_admins),
        ("GET", "/api/v1/integrations/channels/{id:guid}/deliveries", $"/api/v1/integrations/channels/{SomeId}/deliveries", null, s_admins),
        ("POST", "/api/v1/integrations/channels/{id:guid}/ping", $"/api/v1/integrations/channels/{SomeId}/ping", null, s_admins),
        ("POST", "/api/v1/integrations/channels/{id:guid}/deliveries/{deliveryId:guid}/redeliver", $"/api/v1/integrations/channels/{SomeId}/deliveries/{SomeId}/redeliver", null, s_admins),
        ("GET", "/api/v1/integrations/salesforce/", "/api/v1/integrations/salesforce", null, s_admins),
        ("PUT", "/api/v1/integrations/salesforce/", "/api/v1/integrations/salesforce", new { }, s_admins),
        ("POST", "/api/v1/integrations/salesforce/sync", "/api/v1/integrations/salesforce/sync", null, s_admins),
        ("POST", "/api/v1/integrations/salesforce/check", "/api/v1/integrations/salesforce/check", null, s_admins),
        ("GET", "/api/v1/integrations/salesforce/runs/{id:guid}", $"/api/v1/integrations/salesforce/runs/{SomeId}", null, s_admins),
        ("GET", "/api/v1/integrations/direct-messages/", "/api/v1/integrations/direct-messages", null, s_admins),
        ("GET", "/api/v1/integrations/direct-messages/me/", "/api/v1/integrations/direct-messages/me", null, s_everyone),
        ("PUT", "/api/v1/integrations/direct-messages/me/", "/api/v1/integrations/direct-messages/me", new { }, s_everyone),
        ("DELETE", "/api/v1/integrations/direct-messages/me/", "/api/v1/integrations/direct-messages/me", null, s_everyone),
        ("POST", "/api/v1/integrations/direct-messages/me/test", "/api/v1/integrations/direct-messages/me/test", null, s_everyone),
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
        ("GET", "/api/v1/ideas/duplicates", "/api/v1/ideas/duplicates", null, s_managers),
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
        ("POST", "/api/v1/requests/{id:guid}/reschedule", $"/api/v1/requests/{SomeId}/reschedule", new { }, s_askers),
        ("GET", "/api/v1/requests/{id:guid}/invite.ics", $"/api/v1/requests/{SomeId}/invite.ics", null, s_everyone),
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
        ("GET", "/api/v1/imports/{id:guid}/rejections", $"/api/v1/imports/{SomeId}/rejections", null, s_managers),
        ("GET", "/api/v1/imports/{id:guid}/report", $"/api/v1/imports/{SomeId}/report", null, s_managers),
        ("GET", "/api/v1/imports/{id:guid}/changes", $"/api/v1/imports/{SomeId}/changes", null, s_managers),
        ("GET", "/api/v1/reports/supply-demand", "/api/v1/reports/supply-demand", null, s_reports),
        // SCIM provisioning: admins' tokens only, the cookie never (docs/decisions/0031-scim-provisioning.md).
        ("GET", "/scim/v2/ServiceProviderConfig", "/scim/v2/ServiceProviderConfig", null, s_admins),
        ("GET", "/scim/v2/Schemas", "/scim/v2/Schemas", null, s_admins),
        ("GET", "/scim/v2/Schemas/{id}", "/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User", null, s_admins),
        ("GET", "/scim/v2/ResourceTypes", "/scim/v2/ResourceTypes", null, s_admins),
        ("GET", "/scim/v2/ResourceTypes/{id}", "/scim/v2/ResourceTypes/User", null, s_admins),
        ("GET", "/scim/v2/Users/", "/scim/v2/Users", null, s_admins),
        ("GET", "/scim/v2/Users/{id}", $"/scim/v2/Users/{SomeId}", null, s_admins),
        ("POST", "/scim/v2/Users/", "/scim/v2/Users", new { }, s_admins),
        ("PUT", "/scim/v2/Users/{id}", $"/scim/v2/Users/{SomeId}", new { }, s_admins),
        ("PATCH", "/scim/v2/Users/{id}", $"/scim/v2/Users/{SomeId}", new { }, s_admins),
        ("DELETE", "/scim/v2/Users/{id}", $"/scim/v2/Users/{SomeId}", null, s_admins),
        ("GET", "/scim/v2/Groups/", "/scim/v2/Groups", null, s_admins),
        ("GET", "/scim/v2/Groups/{id}", "/scim/v2/Groups/Seller", null, s_admins),
        ("POST", "/scim/v2/Groups/", "/scim/v2/Groups", new { }, s_admins),
        ("PUT", "/scim/v2/Groups/{id}", "/scim/v2/Groups/Nobody", new { }, s_admins),
        ("PATCH", "/scim/v2/Groups/{id}", "/scim/v2/Groups/Nobody", new { }, s_admins),
        ("DELETE", "/scim/v2/Groups/{id}", "/scim/v2/Groups/Nobody", null, s_admins),
        ("GET", "/openapi/{documentName}.json", "/openapi/v1.json", null, s_everyone),
        ("GET", "/api/reference/{documentName?}", "/api/reference", null, s_everyone),
        ("GET", "/", "/", null, s_everyone),
        ("GET", "/accounts", "/accounts", null, s_employees),
        ("GET", "/accounts/{id:guid}", $"/accounts/{SomeId}", null, s_employees),
        ("POST", "/accounts/{id:guid}?handler=Delete", $"/accounts/{SomeId}?handler=Delete", null, s_managers),
        ("GET", "/accounts/new", "/accounts/new", null, s_managers),
        ("POST", "/accounts/new", "/accounts/new", null, s_managers),
        ("GET", "/accounts/{id:guid}/edit", $"/accounts/{SomeId}/edit", null, s_managers),
        ("POST", "/accounts/{id:guid}/edit", $"/accounts/{SomeId}/edit", null, s_managers),
        ("GET", "/accounts/deleted", "/accounts/deleted", null, s_managers),
        ("POST", "/accounts/deleted?handler=Undo", $"/accounts/deleted?handler=Undo&kind=Account&id={SomeId}", null, s_managers),
        ("GET", "/contacts", "/contacts", null, s_employees),
        ("GET", "/content", "/content", null, s_employees),
        ("GET", "/content/{id:guid}", $"/content/{SomeId}", null, s_employees),
        ("POST", "/content/{id:guid}?handler=Use", $"/content/{SomeId}?handler=Use", null, s_employees),
        ("POST", "/content/{id:guid}?handler=State", $"/content/{SomeId}?handler=State", null, s_managers),
        ("POST", "/content/{id:guid}?handler=Delete", $"/content/{SomeId}?handler=Delete", null, s_managers),
        ("GET", "/content/{id:guid}/edit", $"/content/{SomeId}/edit", null, s_managers),
        ("POST", "/content/{id:guid}/edit", $"/content/{SomeId}/edit", null, s_managers),
        ("GET", "/content/new", "/content/new", null, s_managers),
        ("POST", "/content/new", "/content/new", null, s_managers),
        ("GET", "/contacts/{id:guid}", $"/contacts/{SomeId}", null, s_employees),
        ("POST", "/contacts/{id:guid}?handler=Nps", $"/contacts/{SomeId}?handler=Nps", null, s_managers),
        ("POST", "/contacts/{id:guid}?handler=Delete", $"/contacts/{SomeId}?handler=Delete", null, s_managers),
        ("POST", "/contacts/{id:guid}?handler=Erase", $"/contacts/{SomeId}?handler=Erase", null, s_admins),
        ("GET", "/contacts/{id:guid}/edit", $"/contacts/{SomeId}/edit", null, s_managers),
        ("POST", "/contacts/{id:guid}/edit", $"/contacts/{SomeId}/edit", null, s_managers),
        ("GET", "/contacts/new", "/contacts/new", null, s_managers),
        ("POST", "/contacts/new", "/contacts/new", null, s_managers),
        ("GET", "/activity-types", "/activity-types", null, s_admins),
        ("POST", "/activity-types", "/activity-types?key=no-such-type", null, s_admins),
        ("POST", "/activity-types?handler=Add", "/activity-types?handler=Add", null, s_admins),
        ("GET", "/references", "/references", null, s_employees),
        ("GET", "/opportunities", "/opportunities", null, s_employees),
        ("GET", "/opportunities/{id:guid}", $"/opportunities/{SomeId}", null, s_employees),
        // Every employee may try; who may close a given deal is decided by who owns it.
        ("POST", "/opportunities/{id:guid}?handler=Close", $"/opportunities/{SomeId}?handler=Close", null, s_employees),
        ("GET", "/requests", "/requests", null, s_employees),
        ("GET", "/requests/new", "/requests/new", null, s_askers),
        ("POST", "/requests/new", "/requests/new", null, s_askers),
        ("GET", "/requests/{id:guid}", $"/requests/{SomeId}", null, s_employees),
        // Every employee may try a step; who may take it is decided by their part in the request (asker, account owner, advocate asked).
        ("POST", "/requests/{id:guid}?handler=Assign", $"/requests/{SomeId}?handler=Assign", null, s_employees),
        ("POST", "/requests/{id:guid}?handler=OwnerConsent", $"/requests/{SomeId}?handler=OwnerConsent", null, s_employees),
        ("POST", "/requests/{id:guid}?handler=Accept", $"/requests/{SomeId}?handler=Accept", null, s_employees),
        ("POST", "/requests/{id:guid}?handler=Decline", $"/requests/{SomeId}?handler=Decline", null, s_employees),
        ("POST", "/requests/{id:guid}?handler=Schedule", $"/requests/{SomeId}?handler=Schedule", null, s_employees),
        ("POST", "/requests/{id:guid}?handler=Reschedule", $"/requests/{SomeId}?handler=Reschedule", null, s_employees),
        ("POST", "/requests/{id:guid}?handler=Complete", $"/requests/{SomeId}?handler=Complete", null, s_employees),
        ("POST", "/requests/{id:guid}?handler=Feedback", $"/requests/{SomeId}?handler=Feedback", null, s_employees),
        ("POST", "/requests/{id:guid}?handler=Cancel", $"/requests/{SomeId}?handler=Cancel", null, s_employees),
        ("GET", "/ideas", "/ideas", null, s_everyone),
        ("GET", "/ideas/new", "/ideas/new", null, s_everyone),
        ("GET", "/ideas/new?handler=Similar", "/ideas/new?handler=Similar&title=export", null, s_everyone),
        ("POST", "/ideas/new", "/ideas/new", null, s_everyone),
        ("GET", "/ideas/duplicates", "/ideas/duplicates", null, s_managers),
        ("POST", "/ideas/duplicates?handler=Merge", $"/ideas/duplicates?handler=Merge&id={SomeId}&intoId={SomeId}", null, s_managers),
        ("GET", "/ideas/{id:guid}", $"/ideas/{SomeId}", null, s_everyone),
        ("POST", "/ideas/{id:guid}?handler=Vote", $"/ideas/{SomeId}?handler=Vote", null, s_everyone),
        ("POST", "/ideas/{id:guid}?handler=Unvote", $"/ideas/{SomeId}?handler=Unvote", null, s_everyone),
        ("POST", "/ideas/{id:guid}?handler=Follow", $"/ideas/{SomeId}?handler=Follow", null, s_everyone),
        ("POST", "/ideas/{id:guid}?handler=Unfollow", $"/ideas/{SomeId}?handler=Unfollow", null, s_everyone),
        ("POST", "/ideas/{id:guid}?handler=Comment", $"/ideas/{SomeId}?handler=Comment", null, s_everyone),
        ("POST", "/ideas/{id:guid}?handler=Status", $"/ideas/{SomeId}?handler=Status", null, s_managers),
        ("POST", "/ideas/{id:guid}?handler=Merge", $"/ideas/{SomeId}?handler=Merge", null, s_managers),
        ("POST", "/ideas/{id:guid}?handler=UndoMerge", $"/ideas/{SomeId}?handler=UndoMerge", null, s_managers),
        ("POST", "/ideas/{id:guid}?handler=Hide", $"/ideas/{SomeId}?handler=Hide", null, s_managers),
        ("POST", "/ideas/{id:guid}?handler=Unhide", $"/ideas/{SomeId}?handler=Unhide", null, s_managers),
        ("POST", "/ideas/{id:guid}?handler=HideComment", $"/ideas/{SomeId}?handler=HideComment&onIdeaId={SomeId}&commentId={SomeId}", null, s_managers),
        ("POST", "/ideas/{id:guid}?handler=UnhideComment", $"/ideas/{SomeId}?handler=UnhideComment&onIdeaId={SomeId}&commentId={SomeId}", null, s_managers),
        ("GET", "/notifications", "/notifications", null, s_everyone),
        ("POST", "/notifications?handler=Read", $"/notifications?handler=Read&id={SomeId}", null, s_everyone),
        ("POST", "/notifications?handler=ReadAll", "/notifications?handler=ReadAll", null, s_everyone),
        ("GET", "/users", "/users", null, s_admins),
        ("POST", "/users?handler=Add", "/users?handler=Add", null, s_admins),
        ("POST", "/users?handler=Disable", "/users?handler=Disable&email=nobody@example.com", null, s_admins),
        ("GET", "/import", "/import", null, s_managers),
        ("POST", "/import", "/import", null, s_managers),
        ("GET", "/import/{id:guid}", $"/import/{SomeId}", null, s_managers),
        ("GET", "/import/{id:guid}?handler=Status", $"/import/{SomeId}?handler=Status", null, s_managers),
        ("GET", "/direct-messages", "/direct-messages", null, s_everyone),
        ("POST", "/direct-messages?handler=Slack", "/direct-messages?handler=Slack", null, s_everyone),
        ("POST", "/direct-messages?handler=FindSlack", "/direct-messages?handler=FindSlack", null, s_everyone),
        ("POST", "/direct-messages?handler=UnlinkSlack", "/direct-messages?handler=UnlinkSlack", null, s_everyone),
        ("POST", "/direct-messages?handler=Teams", "/direct-messages?handler=Teams", null, s_everyone),
        ("POST", "/direct-messages?handler=UnlinkTeams", "/direct-messages?handler=UnlinkTeams", null, s_everyone),
        ("POST", "/direct-messages?handler=Test", "/direct-messages?handler=Test", null, s_everyone),
        ("GET", "/tokens", "/tokens", null, s_everyone),
        ("POST", "/tokens?handler=Create", "/tokens?handler=Create", null, s_everyone),
        ("POST", "/tokens?handler=Revoke", $"/tokens?handler=Revoke&id={SomeId}", null, s_everyone),
        ("GET", "/settings", "/settings", null, s_everyone),
        ("POST", "/settings", "/settings?emailNotifications=true", null, s_everyone),
        ("GET", "/portal", "/portal", null, [Roles.Advocate]),
        ("POST", "/portal?handler=Accept", $"/portal?handler=Accept&id={SomeId}", null, [Roles.Advocate]),
        ("POST", "/portal?handler=Decline", $"/portal?handler=Decline&id={SomeId}", null, [Roles.Advocate]),
        // The portal: the advocate's own asks, preferences and referrals, and the invitations that let them in.
        ("POST", "/api/v1/contacts/{id:guid}/portal-invitation", $"/api/v1/contacts/{SomeId}/portal-invitation", null, s_managers),
        ("GET", "/api/v1/portal/asks", "/api/v1/portal/asks", null, [Roles.Advocate]),
        ("POST", "/api/v1/portal/asks/{id:guid}/accept", $"/api/v1/portal/asks/{SomeId}/accept", null, [Roles.Advocate]),
        ("POST", "/api/v1/portal/asks/{id:guid}/decline", $"/api/v1/portal/asks/{SomeId}/decline", null, [Roles.Advocate]),
        ("GET", "/api/v1/portal/preferences", "/api/v1/portal/preferences", null, [Roles.Advocate]),
        ("PUT", "/api/v1/portal/preferences", "/api/v1/portal/preferences", new { }, [Roles.Advocate]),
        ("GET", "/api/v1/portal/referrals", "/api/v1/portal/referrals", null, [Roles.Advocate]),
        ("POST", "/api/v1/portal/referrals", "/api/v1/portal/referrals", new { }, [Roles.Advocate]),
        ("GET", "/api/v1/referrals/", "/api/v1/referrals", null, s_employees),
        ("GET", "/portal/preferences", "/portal/preferences", null, [Roles.Advocate]),
        ("POST", "/portal/preferences", "/portal/preferences", null, [Roles.Advocate]),
        ("POST", "/portal/preferences?handler=Language", "/portal/preferences?handler=Language", null, [Roles.Advocate]),
        ("GET", "/portal/refer", "/portal/refer", null, [Roles.Advocate]),
        ("POST", "/portal/refer", "/portal/refer", null, [Roles.Advocate]),
        ("GET", "/contacts/{id:guid}/portal-access", $"/contacts/{SomeId}/portal-access", null, s_managers),
        ("POST", "/contacts/{id:guid}/portal-access", $"/contacts/{SomeId}/portal-access", null, s_managers),
        ("GET", "/referrals", "/referrals", null, s_employees),
        ("GET", "/api/v1/contacts/{id:guid}/digest", $"/api/v1/contacts/{SomeId}/digest", null, s_managers),
        ("GET", "/contacts/{id:guid}/digest", $"/contacts/{SomeId}/digest", null, s_managers),
        ("GET", "/reports/supply-demand", "/reports/supply-demand", null, s_reports),
        ("GET", "/reports/references", "/reports/references", null, s_reports),
        // The exchange: the ledger both sides, the "Owed a give" report, gifts within the gift policy, the advocate's history.
        ("GET", "/api/v1/contacts/{id:guid}/ledger/", $"/api/v1/contacts/{SomeId}/ledger", null, s_employees),
        ("POST", "/api/v1/contacts/{id:guid}/ledger/gives", $"/api/v1/contacts/{SomeId}/ledger/gives", new { }, s_managers),
        ("GET", "/api/v1/reports/balance", "/api/v1/reports/balance", null, s_reports),
        ("GET", "/api/v1/portal/history/", "/api/v1/portal/history", null, [Roles.Advocate]),
        ("GET", "/api/v1/portal/history/{id:guid}", $"/api/v1/portal/history/{SomeId}", null, [Roles.Advocate]),
        ("GET", "/api/v1/gifts/", "/api/v1/gifts", null, s_managers),
        ("POST", "/api/v1/gifts/", "/api/v1/gifts", new { }, s_managers),
        ("GET", "/api/v1/gifts/{id:guid}", $"/api/v1/gifts/{SomeId}", null, s_managers),
        ("POST", "/api/v1/gifts/{id:guid}/approve", $"/api/v1/gifts/{SomeId}/approve", new { }, s_managers),
        ("POST", "/api/v1/gifts/{id:guid}/refuse", $"/api/v1/gifts/{SomeId}/refuse", new { }, s_managers),
        ("GET", "/api/v1/gift-policy/", "/api/v1/gift-policy", null, s_managers),
        ("PUT", "/api/v1/gift-policy/", "/api/v1/gift-policy", new { }, s_admins),
        ("GET", "/contacts/{id:guid}/gives", $"/contacts/{SomeId}/gives", null, s_managers),
        ("POST", "/contacts/{id:guid}/gives", $"/contacts/{SomeId}/gives", null, s_managers),
        ("GET", "/reports/balance", "/reports/balance", null, s_reports),
        ("GET", "/portal/history", "/portal/history", null, [Roles.Advocate]),
        ("GET", "/gifts", "/gifts", null, s_managers),
        ("POST", "/gifts", "/gifts", null, s_managers),
        ("POST", "/gifts?handler=Approve", $"/gifts?handler=Approve&id={SomeId}", null, s_managers),
        ("POST", "/gifts?handler=Refuse", $"/gifts?handler=Refuse&id={SomeId}", null, s_managers),
        ("GET", "/webhooks", "/webhooks", null, s_admins),
        ("POST", "/webhooks?handler=Webhook", "/webhooks?handler=Webhook", null, s_admins),
        ("POST", "/webhooks?handler=Channel", "/webhooks?handler=Channel", null, s_admins),
        ("GET", "/webhooks/{id:guid}", $"/webhooks/{SomeId}", null, s_admins),
        ("POST", "/webhooks/{id:guid}?handler=Switch", $"/webhooks/{SomeId}?handler=Switch", null, s_admins),
        ("POST", "/webhooks/{id:guid}?handler=Ping", $"/webhooks/{SomeId}?handler=Ping", null, s_admins),
        ("POST", "/webhooks/{id:guid}?handler=Redeliver", $"/webhooks/{SomeId}?handler=Redeliver", null, s_admins),
        ("POST", "/webhooks/{id:guid}?handler=Delete", $"/webhooks/{SomeId}?handler=Delete", null, s_admins),
        ("GET", "/integrations/salesforce", "/integrations/salesforce", null, s_admins),
        ("GET", "/integrations/salesforce?handler=Status", "/integrations/salesforce?handler=Status", null, s_admins),
        ("POST", "/integrations/salesforce", "/integrations/salesforce", null, s_admins),
        ("POST", "/integrations/salesforce?handler=Sync", "/integrations/salesforce?handler=Sync", null, s_admins),
        ("POST", "/integrations/salesforce?handler=Check", "/integrations/salesforce?handler=Check", null, s_admins),
        ("GET", "/integrations/salesforce/runs/{id:guid}", $"/integrations/salesforce/runs/{SomeId}", null, s_admins),
        ("GET", "/gifts/policy", "/gifts/policy", null, s_admins),
        ("POST", "/gifts/policy", "/gifts/policy", null, s_admins),
        // Offers: the catalogue is read by employees and managed by the program team; the portal's "Offers for me" by advocates.
        ("GET", "/api/v1/offers/", "/api/v1/offers", null, s_employees),
        ("POST", "/api/v1/offers/", "/api/v1/offers", new { }, s_managers),
        ("GET", "/api/v1/offers/{id:guid}", $"/api/v1/offers/{SomeId}", null, s_employees),
        ("PUT", "/api/v1/offers/{id:guid}", $"/api/v1/offers/{SomeId}", new { }, s_managers),
        ("DELETE", "/api/v1/offers/{id:guid}", $"/api/v1/offers/{SomeId}", null, s_managers),
        ("POST", "/api/v1/offers/{id:guid}/open", $"/api/v1/offers/{SomeId}/open", null, s_managers),
        ("POST", "/api/v1/offers/{id:guid}/close", $"/api/v1/offers/{SomeId}/close", null, s_managers),
        ("GET", "/api/v1/offers/{id:guid}/advocates", $"/api/v1/offers/{SomeId}/advocates", null, s_employees),
        ("GET", "/api/v1/offers/{id:guid}/applications/", $"/api/v1/offers/{SomeId}/applications", null, s_employees),
        ("POST", "/api/v1/offers/{id:guid}/applications/", $"/api/v1/offers/{SomeId}/applications", new { }, s_managers),
        ("POST", "/api/v1/offers/{id:guid}/applications/{applicationId:guid}/accept", $"/api/v1/offers/{SomeId}/applications/{SomeId}/accept", null, s_managers),
        ("POST", "/api/v1/offers/{id:guid}/applications/{applicationId:guid}/decline", $"/api/v1/offers/{SomeId}/applications/{SomeId}/decline", null, s_managers),
        ("POST", "/api/v1/offers/{id:guid}/applications/{applicationId:guid}/deliver", $"/api/v1/offers/{SomeId}/applications/{SomeId}/deliver", null, s_managers),
        ("POST", "/api/v1/offers/{id:guid}/applications/{applicationId:guid}/withdraw", $"/api/v1/offers/{SomeId}/applications/{SomeId}/withdraw", null, s_managers),
        ("GET", "/api/v1/contacts/{id:guid}/offers", $"/api/v1/contacts/{SomeId}/offers", null, s_employees),
        ("GET", "/api/v1/contacts/{id:guid}/needs", $"/api/v1/contacts/{SomeId}/needs", null, s_employees),
        ("PUT", "/api/v1/contacts/{id:guid}/needs", $"/api/v1/contacts/{SomeId}/needs", new { }, s_managers),
        ("GET", "/api/v1/portal/offers/", "/api/v1/portal/offers", null, [Roles.Advocate]),
        ("POST", "/api/v1/portal/offers/{id:guid}/applications", $"/api/v1/portal/offers/{SomeId}/applications", null, [Roles.Advocate]),
        ("POST", "/api/v1/portal/offers/applications/{applicationId:guid}/withdraw", $"/api/v1/portal/offers/applications/{SomeId}/withdraw", null, [Roles.Advocate]),
        ("GET", "/offers", "/offers", null, s_employees),
        ("GET", "/offers/new", "/offers/new", null, s_managers),
        ("POST", "/offers/new", "/offers/new", null, s_managers),
        ("GET", "/offers/{id:guid}/edit", $"/offers/{SomeId}/edit", null, s_managers),
        ("POST", "/offers/{id:guid}/edit", $"/offers/{SomeId}/edit", null, s_managers),
        ("GET", "/offers/{id:guid}", $"/offers/{SomeId}", null, s_employees),
        ("POST", "/offers/{id:guid}?handler=Open", $"/offers/{SomeId}?handler=Open", null, s_managers),
        ("POST", "/offers/{id:guid}?handler=Close", $"/offers/{SomeId}?handler=Close", null, s_managers),
        ("POST", "/offers/{id:guid}?handler=Offer", $"/offers/{SomeId}?handler=Offer&contactId={SomeId}", null, s_managers),
        ("POST", "/offers/{id:guid}?handler=Accept", $"/offers/{SomeId}?handler=Accept&applicationId={SomeId}", null, s_managers),
        ("POST", "/offers/{id:guid}?handler=Decline", $"/offers/{SomeId}?handler=Decline&applicationId={SomeId}", null, s_managers),
        ("POST", "/offers/{id:guid}?handler=Deliver", $"/offers/{SomeId}?handler=Deliver&applicationId={SomeId}", null, s_managers),
        ("POST", "/offers/{id:guid}?handler=Withdraw", $"/offers/{SomeId}?handler=Withdraw&applicationId={SomeId}", null, s_managers),
        ("GET", "/portal/offers", "/portal/offers", null, [Roles.Advocate]),
        ("POST", "/portal/offers?handler=Apply", $"/portal/offers?handler=Apply&id={SomeId}", null, [Roles.Advocate]),
        ("POST", "/portal/offers?handler=Withdraw", $"/portal/offers?handler=Withdraw&applicationId={SomeId}", null, [Roles.Advocate]),
        // Discovery: every employee reads the candidates and nominates; the reference team decides.
        ("GET", "/api/v1/candidates", "/api/v1/candidates", null, s_employees),
        ("GET", "/api/v1/nominations/", "/api/v1/nominations", null, s_employees),
        ("POST", "/api/v1/nominations/", "/api/v1/nominations", new { }, s_employees),
        ("POST", "/api/v1/nominations/{id:guid}/accept", $"/api/v1/nominations/{SomeId}/accept", new { }, s_managers),
        ("POST", "/api/v1/nominations/{id:guid}/decline", $"/api/v1/nominations/{SomeId}/decline", new { }, s_managers),
        ("GET", "/candidates", "/candidates", null, s_employees),
        ("GET", "/nominations", "/nominations", null, s_employees),
        ("POST", "/nominations?handler=Accept", $"/nominations?handler=Accept&id={SomeId}", null, s_managers),
        ("POST", "/nominations?handler=Decline", $"/nominations?handler=Decline&id={SomeId}", null, s_managers),
        ("GET", "/nominations/new", $"/nominations/new?contactId={SomeId}", null, s_employees),
        ("POST", "/nominations/new", $"/nominations/new?contactId={SomeId}", null, s_employees),
        // Events: every employee reads them, the program team plans them, speakers and attendees; the report is for those who read reports.
        ("GET", "/api/v1/events/", "/api/v1/events", null, s_employees),
        ("POST", "/api/v1/events/", "/api/v1/events", new { }, s_managers),
        ("GET", "/api/v1/events/{id:guid}", $"/api/v1/events/{SomeId}", null, s_employees),
        ("PUT", "/api/v1/events/{id:guid}", $"/api/v1/events/{SomeId}", new { }, s_managers),
        ("GET", "/api/v1/events/{id:guid}/speakers/", $"/api/v1/events/{SomeId}/speakers", null, s_employees),
        ("POST", "/api/v1/events/{id:guid}/speakers/", $"/api/v1/events/{SomeId}/speakers", new { }, s_managers),
        ("DELETE", "/api/v1/events/{id:guid}/speakers/{speakerId:guid}", $"/api/v1/events/{SomeId}/speakers/{SomeId}", null, s_managers),
        ("GET", "/api/v1/events/{id:guid}/attendees/", $"/api/v1/events/{SomeId}/attendees", null, s_employees),
        ("POST", "/api/v1/events/{id:guid}/attendees/", $"/api/v1/events/{SomeId}/attendees", new { }, s_managers),
        ("POST", "/api/v1/events/{id:guid}/check-in", $"/api/v1/events/{SomeId}/check-in", new { }, s_managers),
        ("GET", "/api/v1/reports/events", "/api/v1/reports/events", null, s_reports),
        ("GET", "/events", "/events", null, s_employees),
        ("GET", "/events/new", "/events/new", null, s_managers),
        ("POST", "/events/new", "/events/new", null, s_managers),
        ("GET", "/events/{id:guid}/edit", $"/events/{SomeId}/edit", null, s_managers),
        ("POST", "/events/{id:guid}/edit", $"/events/{SomeId}/edit", null, s_managers),
        ("GET", "/events/{id:guid}", $"/events/{SomeId}", null, s_employees),
        ("POST", "/events/{id:guid}?handler=Speaker", $"/events/{SomeId}?handler=Speaker", null, s_managers),
        ("POST", "/events/{id:guid}?handler=RemoveSpeaker", $"/events/{SomeId}?handler=RemoveSpeaker&speakerId={SomeId}", null, s_managers),
        ("POST", "/events/{id:guid}?handler=Register", $"/events/{SomeId}?handler=Register", null, s_managers),
        ("POST", "/events/{id:guid}?handler=CheckIn", $"/events/{SomeId}?handler=CheckIn&attendeeId={SomeId}", null, s_managers),
        ("GET", "/reports/events", "/reports/events", null, s_reports),
        // Referrals: every employee reads them; the reference team records, moves and links them; the report is for reports' readers. Opportunities: listed by every employee, created by those who ask for references.
        ("POST", "/api/v1/referrals/", "/api/v1/referrals", new { }, s_managers),
        ("GET", "/api/v1/referrals/{id:guid}", $"/api/v1/referrals/{SomeId}", null, s_employees),
        ("POST", "/api/v1/referrals/{id:guid}/status", $"/api/v1/referrals/{SomeId}/status", new { }, s_managers),
        ("POST", "/api/v1/referrals/{id:guid}/opportunity", $"/api/v1/referrals/{SomeId}/opportunity", new { }, s_managers),
        ("GET", "/api/v1/reports/referrals", "/api/v1/reports/referrals", null, s_reports),
        ("GET", "/api/v1/opportunities/", "/api/v1/opportunities", null, s_employees),
        ("POST", "/api/v1/opportunities/", "/api/v1/opportunities", new { }, s_askers),
        ("POST", "/opportunities", "/opportunities", null, s_askers),
        ("GET", "/referrals/new", "/referrals/new", null, s_managers),
        ("POST", "/referrals/new", "/referrals/new", null, s_managers),
        ("GET", "/referrals/{id:guid}", $"/referrals/{SomeId}", null, s_employees),
        ("POST", "/referrals/{id:guid}?handler=Move", $"/referrals/{SomeId}?handler=Move", null, s_managers),
        ("POST", "/referrals/{id:guid}?handler=Link", $"/referrals/{SomeId}?handler=Link", null, s_managers),
        ("POST", "/referrals/{id:guid}?handler=Create", $"/referrals/{SomeId}?handler=Create", null, s_managers),
        ("GET", "/reports/referrals", "/reports/referrals", null, s_reports),
        // Review campaigns and defences: every employee reads them; the reference team runs them.
        ("GET", "/api/v1/review-campaigns/", "/api/v1/review-campaigns", null, s_employees),
        ("POST", "/api/v1/review-campaigns/", "/api/v1/review-campaigns", new { }, s_managers),
        ("GET", "/api/v1/review-campaigns/{id:guid}", $"/api/v1/review-campaigns/{SomeId}", null, s_employees),
        ("PUT", "/api/v1/review-campaigns/{id:guid}", $"/api/v1/review-campaigns/{SomeId}", new { }, s_managers),
        ("GET", "/api/v1/review-campaigns/{id:guid}/invitations", $"/api/v1/review-campaigns/{SomeId}/invitations", null, s_employees),
        ("POST", "/api/v1/review-campaigns/{id:guid}/invitations", $"/api/v1/review-campaigns/{SomeId}/invitations", new { }, s_managers),
        ("GET", "/api/v1/review-campaigns/{id:guid}/eligible", $"/api/v1/review-campaigns/{SomeId}/eligible", null, s_employees),
        ("POST", "/api/v1/review-campaigns/{id:guid}/invitations/{invitationId:guid}/remind", $"/api/v1/review-campaigns/{SomeId}/invitations/{SomeId}/remind", null, s_managers),
        ("POST", "/api/v1/review-campaigns/{id:guid}/invitations/{invitationId:guid}/review", $"/api/v1/review-campaigns/{SomeId}/invitations/{SomeId}/review", new { }, s_managers),
        ("POST", "/api/v1/review-campaigns/{id:guid}/invitations/{invitationId:guid}/verify", $"/api/v1/review-campaigns/{SomeId}/invitations/{SomeId}/verify", null, s_managers),
        ("POST", "/api/v1/review-campaigns/{id:guid}/invitations/{invitationId:guid}/withdraw", $"/api/v1/review-campaigns/{SomeId}/invitations/{SomeId}/withdraw", null, s_managers),
        ("PUT", "/api/v1/contacts/{id:guid}/employee-relation/", $"/api/v1/contacts/{SomeId}/employee-relation", new { }, s_managers),
        ("DELETE", "/api/v1/contacts/{id:guid}/employee-relation/", $"/api/v1/contacts/{SomeId}/employee-relation", null, s_managers),
        ("GET", "/reviews", "/reviews", null, s_employees),
        ("GET", "/reviews/new", "/reviews/new", null, s_managers),
        ("POST", "/reviews/new", "/reviews/new", null, s_managers),
        ("GET", "/reviews/{id:guid}", $"/reviews/{SomeId}", null, s_employees),
        ("POST", "/reviews/{id:guid}?handler=Invite", $"/reviews/{SomeId}?handler=Invite", null, s_managers),
        ("POST", "/reviews/{id:guid}?handler=Remind", $"/reviews/{SomeId}?handler=Remind&invitationId={SomeId}", null, s_managers),
        ("POST", "/reviews/{id:guid}?handler=Review", $"/reviews/{SomeId}?handler=Review&invitationId={SomeId}", null, s_managers),
        ("POST", "/reviews/{id:guid}?handler=Verify", $"/reviews/{SomeId}?handler=Verify&invitationId={SomeId}", null, s_managers),
        ("POST", "/reviews/{id:guid}?handler=Withdraw", $"/reviews/{SomeId}?handler=Withdraw&invitationId={SomeId}", null, s_managers),
        ("GET", "/api/v1/defences/", "/api/v1/defences", null, s_employees),
        ("POST", "/api/v1/defences/", "/api/v1/defences", new { }, s_managers),
        ("GET", "/api/v1/defences/{id:guid}", $"/api/v1/defences/{SomeId}", null, s_employees),
        ("POST", "/api/v1/defences/{id:guid}/defenders", $"/api/v1/defences/{SomeId}/defenders", new { }, s_managers),
        ("GET", "/defences", "/defences", null, s_employees),
        ("GET", "/defences/new", "/defences/new", null, s_managers),
        ("POST", "/defences/new", "/defences/new", null, s_managers),
        ("GET", "/defences/{id:guid}", $"/defences/{SomeId}", null, s_employees),
        ("POST", "/defences/{id:guid}?handler=Defender", $"/defences/{SomeId}?handler=Defender", null, s_managers),
        // Executives and account reviews: executives (and admins) log their own conversations, the program's readers read
        // them; every employee reads reviews and sponsors, the reference team manages them; admins set targets.
        ("GET", "/api/v1/executive-conversations/", "/api/v1/executive-conversations", null, s_reports),
        ("GET", "/api/v1/executive-conversations/{id:guid}", $"/api/v1/executive-conversations/{SomeId}", null, s_reports),
        ("POST", "/api/v1/executive-conversations/", "/api/v1/executive-conversations", new { }, s_executives),
        ("POST", "/api/v1/executive-conversations/{id:guid}/follow-ups-done", $"/api/v1/executive-conversations/{SomeId}/follow-ups-done", null, s_executives),
        ("GET", "/api/v1/executives/progress", "/api/v1/executives/progress", null, s_reports),
        ("GET", "/api/v1/executives/themes", "/api/v1/executives/themes", null, s_reports),
        ("PUT", "/api/v1/executives/{id:guid}/target", $"/api/v1/executives/{SomeId}/target", new { }, s_admins),
        ("GET", "/api/v1/accounts/{id:guid}/sponsor/", $"/api/v1/accounts/{SomeId}/sponsor", null, s_employees),
        ("PUT", "/api/v1/accounts/{id:guid}/sponsor/", $"/api/v1/accounts/{SomeId}/sponsor", new { }, s_managers),
        ("DELETE", "/api/v1/accounts/{id:guid}/sponsor/", $"/api/v1/accounts/{SomeId}/sponsor", null, s_managers),
        ("GET", "/api/v1/account-reviews/", "/api/v1/account-reviews", null, s_employees),
        ("GET", "/api/v1/account-reviews/{id:guid}", $"/api/v1/account-reviews/{SomeId}", null, s_employees),
        ("POST", "/api/v1/account-reviews/", "/api/v1/account-reviews", new { }, s_managers),
        ("PUT", "/api/v1/account-reviews/{id:guid}", $"/api/v1/account-reviews/{SomeId}", new { }, s_managers),
        ("GET", "/executives/me", "/executives/me", null, s_executives),
        ("POST", "/executives/me", "/executives/me", null, s_executives),
        ("POST", "/executives/me?handler=Done", $"/executives/me?handler=Done&id={SomeId}", null, s_executives),
        ("GET", "/executives", "/executives", null, s_reports),
        ("POST", "/executives?handler=Target", $"/executives?handler=Target&executiveId={SomeId}", null, s_admins),
        ("GET", "/executives/conversations/{id:guid}", $"/executives/conversations/{SomeId}", null, s_reports),
        ("GET", "/executives/sponsors", "/executives/sponsors", null, s_employees),
        ("POST", "/executives/sponsors", "/executives/sponsors", null, s_managers),
        ("POST", "/executives/sponsors?handler=Remove", $"/executives/sponsors?handler=Remove&accountId={SomeId}", null, s_managers),
        ("GET", "/account-reviews", "/account-reviews", null, s_employees),
        ("POST", "/account-reviews", "/account-reviews", null, s_managers),
        ("GET", "/account-reviews/{id:guid}", $"/account-reviews/{SomeId}", null, s_employees),
        ("POST", "/account-reviews/{id:guid}", $"/account-reviews/{SomeId}", null, s_managers),
        // The program dashboard, its drill-downs, KPIs and monthly report: read by the program's readers; the reference
        // team sets the KPIs; each reader subscribes themselves to the report.
        ("GET", "/api/v1/program/dashboard", "/api/v1/program/dashboard", null, s_reports),
        ("GET", "/api/v1/program/figures/{figure}/records", "/api/v1/program/figures/requests/records", null, s_reports),
        ("GET", "/api/v1/program/kpis", "/api/v1/program/kpis", null, s_reports),
        ("PUT", "/api/v1/program/kpis", "/api/v1/program/kpis", new { }, s_managers),
        ("GET", "/api/v1/program/report", "/api/v1/program/report", null, s_reports),
        ("GET", "/api/v1/program/report/pdf", "/api/v1/program/report/pdf", null, s_reports),
        ("GET", "/api/v1/program/report/subscription", "/api/v1/program/report/subscription", null, s_reports),
        ("PUT", "/api/v1/program/report/subscription", "/api/v1/program/report/subscription", new { }, s_reports),
        ("GET", "/program", "/program", null, s_reports),
        ("GET", "/program/figures/{figure}", "/program/figures/requests", null, s_reports),
        ("GET", "/program/kpis", "/program/kpis", null, s_reports),
        ("POST", "/program/kpis", "/program/kpis", null, s_managers),
        ("GET", "/program/report", "/program/report", null, s_reports),
        ("POST", "/program/report?handler=Subscribe", "/program/report?handler=Subscribe&subscribed=false", null, s_reports),
        // Program policies, stakeholder groups and launches: the program's readers read them, the reference team changes them
        // and decides exceptions, admins put users in groups; sellers see a request's exception on their own request.
        ("GET", "/api/v1/policies/", "/api/v1/policies", null, s_reports),
        ("PUT", "/api/v1/policies/", "/api/v1/policies", new { }, s_managers),
        ("GET", "/api/v1/policies/exceptions", "/api/v1/policies/exceptions", null, s_reports),
        ("GET", "/api/v1/requests/{id:guid}/policy-exception", $"/api/v1/requests/{SomeId}/policy-exception", null, s_employees),
        ("POST", "/api/v1/requests/{id:guid}/policy-exception", $"/api/v1/requests/{SomeId}/policy-exception", new { }, s_managers),
        ("GET", "/program/policies", "/program/policies", null, s_reports),
        ("POST", "/program/policies", "/program/policies", null, s_managers),
        ("GET", "/requests/{id:guid}/policy-exception", $"/requests/{SomeId}/policy-exception", null, s_managers),
        ("POST", "/requests/{id:guid}/policy-exception", $"/requests/{SomeId}/policy-exception", null, s_managers),
        ("GET", "/api/v1/stakeholders/", "/api/v1/stakeholders", null, s_reports),
        ("PUT", "/api/v1/stakeholders/{key}", "/api/v1/stakeholders/nobody", new { }, s_managers),
        ("PUT", "/api/v1/stakeholders/members/{userId:guid}", $"/api/v1/stakeholders/members/{SomeId}", new { }, s_admins),
        ("GET", "/api/v1/stakeholders/queue", "/api/v1/stakeholders/queue", null, s_managers),
        ("GET", "/api/v1/stakeholders/shares", "/api/v1/stakeholders/shares", null, s_reports),
        ("GET", "/program/stakeholders", "/program/stakeholders", null, s_reports),
        ("POST", "/program/stakeholders?handler=Group", "/program/stakeholders?handler=Group&key=nobody", null, s_managers),
        ("POST", "/program/stakeholders?handler=Member", $"/program/stakeholders?handler=Member&userId={SomeId}", null, s_admins),
        ("GET", "/api/v1/launches/", "/api/v1/launches", null, s_reports),
        ("POST", "/api/v1/launches/", "/api/v1/launches", new { }, s_managers),
        ("GET", "/api/v1/launches/{id:guid}", $"/api/v1/launches/{SomeId}", null, s_reports),
        ("GET", "/program/launches", "/program/launches", null, s_reports),
        ("POST", "/program/launches", "/program/launches", null, s_managers),
        ("GET", "/program/launches/{id:guid}", $"/program/launches/{SomeId}", null, s_reports),
        // Customer value and the buyer journey: every employee may ask an account's or contact's value (a seller gets their
        // own accounts', another's is 404); the program's readers see who is worth most and the settings, which the
        // reference team changes; sellers and the reference team answer the buyer-journey survey of a closed deal.
        ("GET", "/api/v1/accounts/{id:guid}/value", $"/api/v1/accounts/{SomeId}/value", null, s_employees),
        ("GET", "/api/v1/contacts/{id:guid}/value", $"/api/v1/contacts/{SomeId}/value", null, s_employees),
        ("GET", "/api/v1/value/settings", "/api/v1/value/settings", null, s_reports),
        ("PUT", "/api/v1/value/settings", "/api/v1/value/settings", new { }, s_managers),
        ("GET", "/api/v1/value/customers", "/api/v1/value/customers", null, s_reports),
        ("GET", "/api/v1/value/segments", "/api/v1/value/segments", null, s_reports),
        ("GET", "/api/v1/value/industries", "/api/v1/value/industries", null, s_reports),
        ("GET", "/api/v1/value/advocates", "/api/v1/value/advocates", null, s_reports),
        ("POST", "/api/v1/opportunities/{id:guid}/buyer-journey", $"/api/v1/opportunities/{SomeId}/buyer-journey", new { }, s_askers),
        ("GET", "/api/v1/opportunities/{id:guid}/buyer-journey", $"/api/v1/opportunities/{SomeId}/buyer-journey", null, s_employees),
        ("GET", "/api/v1/reports/buyer-journey", "/api/v1/reports/buyer-journey", null, s_reports),
        ("GET", "/value", "/value", null, s_reports),
        ("GET", "/value/settings", "/value/settings", null, s_reports),
        ("POST", "/value/settings", "/value/settings", null, s_managers),
        ("GET", "/opportunities/{id:guid}/buyer-journey", $"/opportunities/{SomeId}/buyer-journey", null, s_askers),
        ("POST", "/opportunities/{id:guid}/buyer-journey", $"/opportunities/{SomeId}/buyer-journey", null, s_askers),
    ];

    /// <summary>
    /// Routes anyone may call: signing in and out, the refusal page, the load balancer's health probe,
    /// and the API reference page's own script and icon (public library files, no data).
    /// </summary>
    private static readonly string[] s_public =
    [
        "/health", "/sign-in", "/sign-in/external", "/sign-out", "/access-denied", "/portal/welcome", "/digest/unsubscribe",
        "/api/reference/scalar.js", "/api/reference/scalar.aspnetcore.js", "/api/reference/favicon.svg",
    ];

    public static TheoryData<string, string> RoutesAndRoles()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in s_routes)
        {
            foreach (var role in Roles.All)
            {
                data.Add($"{route.Method} {route.Pattern}", role);
            }
        }
        return data;
    }

    public static TheoryData<string> Routes() => [.. s_routes.Select(r => $"{r.Method} {r.Pattern}")];

    [Fact]
    public async Task Every_endpoint_and_page_handler_of_the_app_is_in_the_table()
    {
        var routes = new HashSet<string>();
        var pages = app.Services.GetRequiredService<PageLoader>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.RoutePattern.RawText is not { } text || text.StartsWith("/_", StringComparison.Ordinal) || s_public.Contains(Normalize(text)))
            {
                continue;
            }
            var pattern = Normalize(text);
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // The handlers the app dispatches to: On{Verb}{Name}[Async] of the page's model. A page answers GET even without one.
                var handlers = (await pages.LoadAsync(page, endpoint.Metadata)).HandlerMethods;
                routes.Add($"GET {pattern}");
                routes.UnionWith(handlers.Select(h => $"{h.HttpMethod.ToUpperInvariant()} {pattern}{(h.Name is null ? "" : $"?handler={h.Name}")}"));
            }
            else
            {
                routes.UnionWith((endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {pattern}"));
            }
        }
        var tested = s_routes.Select(r => $"{r.Method} {Normalize(r.Pattern)}").ToHashSet();

        Assert.Empty(routes.Except(tested));
        Assert.Empty(tested.Except(routes));
    }

    [Fact]
    public async Task A_page_post_needs_the_antiforgery_token_the_role_clients_send()
    {
        var withToken = await app.ClientOfRoleAsync(Roles.Seller);
        using var withoutToken = await app.ClientForAsync(Roles.Seller);

        async Task<HttpStatusCode> PostAsync(HttpClient client, string path)
        {
            using var response = await client.SendAsync(Request("POST", path, null), TestContext.Current.CancellationToken);
            return response.StatusCode;
        }

        // Every role may save its settings, and is sent back to them.
        Assert.Equal(HttpStatusCode.Redirect, await PostAsync(withToken, "/settings?emailNotifications=true"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(withoutToken, "/settings?emailNotifications=true"));
        // The idea's page lets sellers in and its status handler refuses them, after the token is checked.
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(withToken, $"/ideas/{SomeId}?handler=Status"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(withoutToken, $"/ideas/{SomeId}?handler=Status"));
        // The users page refuses sellers by its policy, before the token is checked.
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(withoutToken, "/users?handler=Add"));
    }

    [Theory]
    [MemberData(nameof(RoutesAndRoles))]
    public async Task Each_role_is_let_in_or_refused_as_the_policy_says(string route, string role)
    {
        var (method, _, path, body, allowed) = s_routes.Single(r => $"{r.Method} {r.Pattern}" == route);
        var client = await app.ClientOfRoleAsync(role);

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
        var (method, _, path, body, _) = s_routes.Single(r => $"{r.Method} {r.Pattern}" == route);
        using var client = app.AnonymousClient();

        using var response = await client.SendAsync(Request(method, path, body), TestContext.Current.CancellationToken);

        if (IsApi(path))
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

    private static HttpRequestMessage Request(string method, string path, object? body) => new(new HttpMethod(method), path)
    {
        Content = body is not null ? JsonContent.Create(body)
            : method == "POST" && !IsApi(path) ? new FormUrlEncodedContent([])
            : null,
    };

    private static bool IsApi(string path) =>
        path.StartsWith("/api", StringComparison.Ordinal) || path.StartsWith("/openapi", StringComparison.Ordinal) || path.StartsWith("/scim", StringComparison.Ordinal);

    /// <summary>Razor Pages patterns have no leading slash and groups leave a trailing one.</summary>
    private static string Normalize(string pattern) => "/" + pattern.Trim('/');
}
