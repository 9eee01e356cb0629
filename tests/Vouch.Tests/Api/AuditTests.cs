using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Audit;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Api;

public sealed class AuditTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_change_is_logged_with_who_what_and_before_and_after()
    {
        var manager = await app.AddUserAsync(Roles.ReferenceManager);
        using var client = app.ClientWithToken(await app.CreateTokenAsync(manager.Id));
        var account = (await (await client.PostAsJsonAsync("/api/v1/accounts", new { name = "Audited Ltd", employees = 10 }, Ct))
            .Content.ReadFromJsonAsync<AccountResponse>(Ct))!;
        (await client.PutAsJsonAsync($"/api/v1/accounts/{account.Id}", new { name = "Audited Ltd", employees = 12, version = account.Version }, Ct))
            .EnsureSuccessStatusCode();
        using var admin = await app.ClientForAsync(Roles.Admin);

        var log = (await admin.GetFromJsonAsync<Paged<AuditEntryResponse>>($"/api/v1/audit?recordType=Account&recordId={account.Id}", Ct))!;

        Assert.Equal(2, log.Total);
        var (updated, created) = (log.Items[0], log.Items[1]);
        Assert.Equal(("Created", manager.Email, null), (created.Action, created.Actor, created.Before));
        Assert.Equal("Audited Ltd", JsonDocument.Parse(created.After!).RootElement.GetProperty("Name").GetString());
        Assert.Equal(("Updated", manager.Email), (updated.Action, updated.Actor));
        Assert.Equal(10, JsonDocument.Parse(updated.Before!).RootElement.GetProperty("Employees").GetInt32());
        Assert.Equal(12, JsonDocument.Parse(updated.After!).RootElement.GetProperty("Employees").GetInt32());
        Assert.False(JsonDocument.Parse(updated.After!).RootElement.TryGetProperty("Name", out _), "Only changed fields are logged.");
    }

    [Fact]
    public async Task Secrets_never_reach_the_log()
    {
        var user = await app.AddUserAsync(Roles.Seller);

        var entries = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().AuditEntries
            .Where(e => e.RecordType == "User" && e.RecordId == user.Id.ToString()).ToListAsync(Ct));

        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.DoesNotContain(VouchApp.Password, e.After ?? "", StringComparison.Ordinal));
        Assert.Contains("\"PasswordHash\":\"(secret)\"", entries.First(e => e.Action == AuditAction.Created).After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_log_cannot_be_changed_by_the_app_or_in_the_database()
    {
        await app.AddUserAsync(Roles.Seller);

        var appRefusal = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var entry = await db.AuditEntries.OrderBy(e => e.Id).FirstAsync(Ct);
            entry.Actor = "someone else";
            return await Record.ExceptionAsync(() => db.SaveChangesAsync(Ct));
        });
        var databaseRefusal = await app.WithScopeAsync(async services => await Record.ExceptionAsync(() =>
            services.GetRequiredService<VouchDbContext>().Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\"", Ct)));

        Assert.IsType<InvalidOperationException>(appRefusal);
        Assert.NotNull(databaseRefusal);
        Assert.Contains("append-only", databaseRefusal.Message, StringComparison.Ordinal);
    }
}
