using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Audit;
using Vouch.Features.Contacts;
using Vouch.Features.Ideas;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

/// <summary>The right to be forgotten: after erasing, nothing names the person, and every count stays.</summary>
public sealed class EraseTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Erasing_a_contact_leaves_nothing_of_their_name_or_email_in_any_table_and_keeps_the_counts()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var (first, last, email) = ($"Wilhelmina{tag}", $"Quast{tag}", $"w.quast.{tag}@customer.example");
        using var admin = await app.ClientForAsync(Roles.Admin);
        using var created = await admin.PostAsJsonAsync("/api/v1/accounts", new { name = $"Erase Co {tag}" }, Ct);
        var account = (await created.Content.ReadFromJsonAsync<AccountResponse>(Ct))!;
        using var added = await admin.PostAsJsonAsync("/api/v1/contacts", new
        {
            accountId = account.Id, firstName = first, lastName = last, email, phone = "+44 20 7946 0000",
            title = $"Head of Finance {tag}", consent = "Written", consentGivenOn = "2026-02-01",
            consentScope = $"Only calls arranged by {first}", agreedActivities = new[] { "reference-call" },
            blackouts = new[] { new { starts = "2026-08-01", ends = "2026-08-20", reason = $"{first} on holiday" } },
            useCase = $"{first} runs payroll for 4,000 people", quotes = $"\"It just works\" – {first} {last}",
            notes = $"{first} prefers email",
        }, Ct);
        var contact = (await added.Content.ReadFromJsonAsync<ContactResponse>(Ct))!;
        (await admin.PostAsJsonAsync($"/api/v1/contacts/{contact.Id}/nps-answers", new { score = 9, comment = $"Thanks, {first}" }, Ct)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/v1/contacts/{contact.Id}/nps-answers", new { score = 4, comment = "Support was slow" }, Ct)).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/api/v1/contacts/{contact.Id}/employee-relation", new { relation = $"{first} {last} is the sister of our CFO" }, Ct)).EnsureSuccessStatusCode();
        using (var executive = await app.ClientForAsync(Roles.Executive))
        {
            (await executive.PostAsJsonAsync("/api/v1/executive-conversations", new
            {
                contactId = contact.Id, heldOn = "2026-03-02", channel = "Video", learned = $"{first} wants a payroll export", followUps = $"Send {first} the roadmap",
            }, Ct)).EnsureSuccessStatusCode();
        }
        // Their portal login votes and comments on an idea.
        var user = await app.AddUserAsync(Roles.Advocate, email);
        (await admin.PutAsJsonAsync($"/api/v1/users/{email}/contact", new { contactId = contact.Id }, Ct)).EnsureSuccessStatusCode();
        using var advocate = app.ClientWithToken(await app.CreateTokenAsync(user.Id));
        using var posted = await advocate.PostAsJsonAsync("/api/v1/ideas", new { title = $"Payroll export {tag}", description = "CSV please" }, Ct);
        var idea = (await posted.Content.ReadFromJsonAsync<IdeaResponse>(Ct))!;
        (await advocate.PostAsJsonAsync($"/api/v1/ideas/{idea.Id}/comments", new { text = $"Signed, {first} {last}" }, Ct)).EnsureSuccessStatusCode();
        var before = await CountsAsync(contact.Id, user.Id);
        Assert.NotEmpty(await TablesContainingAsync([first, last, email]));

        using var erased = await admin.PostAsync($"/api/v1/contacts/{contact.Id}/erase", null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Empty(await TablesContainingAsync([first, last, email, "+44 20 7946 0000"]));
        var after = await CountsAsync(contact.Id, user.Id);
        // Erasing sets consent to none (one more consent record) and is itself a change of the contact (one more entry).
        Assert.Equal(before with { ConsentRecords = before.ConsentRecords + 1, AuditEntriesAboutContact = before.AuditEntriesAboutContact + 1 }, after);
        var read = (await admin.GetFromJsonAsync<ContactResponse>($"/api/v1/contacts/{contact.Id}", Ct))!;
        Assert.Equal(("Erased", "contact", null, "None"), (read.FirstName, read.LastName, read.Email, read.Consent));
        Assert.Equal([4, 9], read.NpsAnswers.Select(a => a.Score).Order());
        Assert.All(read.NpsAnswers, a => Assert.Null(a.Comment));
        Assert.Empty(read.AgreedActivities);
        Assert.Empty(read.Blackouts);
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var linked = await db.Users.SingleAsync(u => u.Id == user.Id, Ct);
            Assert.True(linked.IsDisabled);
            Assert.Equal("Erased user", linked.DisplayName);
            var entry = await db.AuditEntries.Where(e => e.RecordType == "Contact" && e.RecordId == contact.Id.ToString())
                .OrderByDescending(e => e.Id).FirstAsync(Ct);
            Assert.Equal((AuditAction.Erased, null), (entry.Action, entry.RedactedAt));
            Assert.StartsWith("admin-", entry.Actor, StringComparison.Ordinal);
        });
        using var signIn = await advocate.GetAsync("/api/v1/me", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
    }

    [Fact]
    public async Task Only_admins_erase_and_an_unknown_contact_is_404()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var admin = await app.ClientForAsync(Roles.Admin);

        using var refused = await manager.PostAsync($"/api/v1/contacts/{Guid.CreateVersion7()}/erase", null, Ct);
        using var unknown = await admin.PostAsync($"/api/v1/contacts/{Guid.CreateVersion7()}/erase", null, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Redacting_is_the_only_change_the_database_lets_through_to_an_audit_entry()
    {
        await app.AddUserAsync(Roles.Seller);

        var plainUpdate = await app.WithScopeAsync(async services => await Record.ExceptionAsync(() =>
            services.GetRequiredService<VouchDbContext>().Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"After\" = NULL", Ct)));
        var changedRecord = await app.WithScopeAsync(async services => await Record.ExceptionAsync(() =>
            services.GetRequiredService<VouchDbContext>().AuditEntries.Where(e => e.Id == 1)
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.RecordId, "other").SetProperty(e => e.RedactedAt, DateTimeOffset.UtcNow), Ct)));

        Assert.Contains("append-only", plainUpdate!.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", changedRecord!.Message, StringComparison.Ordinal);
    }

    private sealed record Counts(int NpsAnswers, int ConsentRecords, int IdeaVotes, int IdeaComments, int ContactRows, int Users, int AuditEntriesAboutContact);

    private Task<Counts> CountsAsync(Guid contactId, Guid userId) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        return new Counts(
            await db.NpsAnswers.CountAsync(a => a.ContactId == contactId, Ct),
            await db.ConsentRecords.CountAsync(r => r.ContactId == contactId, Ct),
            await db.IdeaVotes.CountAsync(v => v.UserId == userId, Ct),
            await db.IdeaComments.CountAsync(c => c.AuthorId == userId, Ct),
            await db.Contacts.IgnoreQueryFilters().CountAsync(c => c.Id == contactId, Ct),
            await db.Users.CountAsync(u => u.Id == userId, Ct),
            await db.AuditEntries.CountAsync(e => e.RecordType == "Contact" && e.RecordId == contactId.ToString() && e.Action != AuditAction.Erased, Ct));
    });

    /// <summary>"Table.Column" for every text column of every table in the model holding any of <paramref name="needles"/>.</summary>
    private Task<List<string>> TablesContainingAsync(string[] needles) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        var found = new List<string>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        foreach (var table in db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null).GroupBy(t => t.GetTableName()!))
        {
            var columns = table.SelectMany(t => t.GetProperties())
                .Where(p => p.GetProviderClrType() == typeof(string) || (p.GetValueConverter() is null && p.ClrType == typeof(string)))
                .Select(p => p.GetColumnName())
                .Distinct();
            foreach (var column in columns)
            {
                foreach (var needle in needles)
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT COUNT(*) FROM \"{table.Key}\" WHERE LOWER(CAST(\"{column}\" AS TEXT)) LIKE @needle";
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = "@needle";
                    parameter.Value = $"%{needle.ToLowerInvariant()}%";
                    command.Parameters.Add(parameter);
                    if (Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture) > 0)
                    {
                        found.Add($"{table.Key}.{column} has {needle}");
                    }
                }
            }
        }
        return found;
    });
}
