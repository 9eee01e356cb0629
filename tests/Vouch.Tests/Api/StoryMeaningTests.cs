using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Catalog;
using Vouch.Features.Content;
using Vouch.Features.Meaning;

namespace Vouch.Tests.Api;

/// <summary>Advocates' stories and content embedded in the background, and a request's use case matched against them by meaning.</summary>
public sealed class StoryMeaningTests(EmbeddingInBackgroundApp app) : IClassFixture<EmbeddingInBackgroundApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<TextEmbedding> EmbeddedAsync(Guid contactId, Func<TextEmbedding, bool> done) => EmbeddedAsync(contactId, EmbeddedKind.Story, done);

    private async Task<TextEmbedding> EmbeddedAsync(Guid recordId, EmbeddedKind kind, Func<TextEmbedding, bool>? done = null)
    {
        for (var i = 0; i < 300; i++)
        {
            var stored = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().Set<TextEmbedding>().AsNoTracking()
                .SingleOrDefaultAsync(e => e.Kind == kind && e.RecordId == recordId, Ct));
            if (stored is not null && (done is null || done(stored)))
            {
                return stored;
            }
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException($"The embedding of {kind} {recordId} was not worked out within 30 s.");
    }

    [Fact]
    public async Task A_story_that_shares_no_word_with_the_use_case_is_matched_by_its_meaning_and_the_reason_says_so()
    {
        var (people, advocate) = await app.AddPeopleAsync(c => c.UseCase = "Brought fourteen offices onto the platform one territory at a time, each live within two weeks.");
        await EmbeddedAsync(advocate.ContactId, _ => true);

        using var created = await people.Seller.PostAsJsonAsync("/api/v1/requests",
            new { activityType = "reference-call", neededBy = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(40)), useCase = "roll out across regional teams" }, Ct);
        created.EnsureSuccessStatusCode();
        var requestId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var matches = await people.Seller.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{requestId}/matches", Ct);

        var reasons = matches.GetProperty("candidates").EnumerateArray()
            .Single(c => c.GetProperty("contactId").GetGuid() == advocate.ContactId)
            .GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains("their story is about what the use case asks, in other words", reasons);
    }

    [Fact]
    public async Task An_erased_story_leaves_the_index_on_every_instance()
    {
        var (_, advocate) = await app.AddPeopleAsync(c => c.UseCase = "Cut the month-end close from ten days to four.");
        var first = await EmbeddedAsync(advocate.ContactId, _ => true);
        var index = app.Services.GetRequiredService<VectorIndexes>()[EmbeddedKind.Story];
        Assert.NotNull(index.Cosine(advocate.ContactId, new float[SentenceModel.Dimensions].Select((_, i) => i == 0 ? 1f : 0f).ToArray()));

        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var contact = await db.Contacts.SingleAsync(c => c.Id == advocate.ContactId, Ct);
            (contact.UseCase, contact.Results, contact.Quotes) = (null, null, null);
            await db.SaveChangesAsync(Ct);
        });
        var erased = await EmbeddedAsync(advocate.ContactId, e => e.ComputedAt > first.ComputedAt);

        Assert.All(erased.Vector, b => Assert.Equal(0, b));
        Assert.Null(index.Cosine(advocate.ContactId, new float[SentenceModel.Dimensions].Select((_, i) => i == 0 ? 1f : 0f).ToArray()));
    }

    [Fact]
    public async Task The_reference_search_finds_a_story_that_means_the_words_and_keeps_the_filters()
    {
        var (people, advocate) = await app.AddPeopleAsync(c => (c.UseCase, c.Results) = (null, "Analytics for the leadership are ready in minutes, not days"));
        await EmbeddedAsync(advocate.ContactId, _ => true);

        var found = await SearchUntilAsync(people.Seller, "/api/v1/references?q=cut+reporting+time&pageSize=100", advocate.ContactId);
        var filteredOut = await people.Seller.GetFromJsonAsync<JsonElement>("/api/v1/references?q=cut+reporting+time&stage=RockStar&pageSize=100", Ct);
        var export = await people.Seller.GetStringAsync("/api/v1/references/export.csv?q=cut+reporting+time", Ct);

        Assert.True(found.GetProperty("foundByMeaning").GetBoolean());
        Assert.DoesNotContain(Ids(filteredOut), id => id == advocate.ContactId);
        Assert.Contains("Analytics for the leadership are ready in minutes, not days", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_story_found_by_its_words_is_not_said_to_be_found_by_meaning_and_counts_once()
    {
        var (people, advocate) = await app.AddPeopleAsync(c => c.UseCase = "Quarterly board reporting now takes an afternoon");
        await EmbeddedAsync(advocate.ContactId, _ => true);

        var found = await SearchUntilAsync(people.Seller, "/api/v1/references?q=board+reporting&pageSize=100", advocate.ContactId);
        var page = await people.Seller.GetFromJsonAsync<JsonElement>("/api/v1/references?q=board+reporting&pageSize=100", Ct);

        Assert.False(found.GetProperty("foundByMeaning").GetBoolean());
        Assert.Single(Ids(page), id => id == advocate.ContactId);
        Assert.Equal(Ids(page).Count, Ids(page).Distinct().Count());
        Assert.Equal(page.GetProperty("total").GetInt32(), Ids(page).Count);
    }

    [Fact]
    public async Task Content_that_says_what_the_use_case_asks_is_offered_first_whatever_its_industry()
    {
        var environmental = Industry.Standard("Environmental").Id;
        var (near, other) = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var account = new Account { Name = "Far Afield Ltd", IndustryId = Industry.Standard("Education").Id };
            var environmentalAccount = new Account { Name = "Greenfield Ltd", IndustryId = environmental };
            ContentAsset Asset(string title, string summary, Account of) => new()
            {
                Title = title, Summary = summary, AccountId = of.Id, Kind = ContentKind.CaseStudy, State = ApprovalState.Approved,
                Link = "https://example.com/story",
            };
            var near = Asset("Every territory live in one quarter", "Fourteen country teams brought onto the platform one after another.", account);
            var other = Asset("Greenfield's newsletter", "How the quarterly newsletter is put together.", environmentalAccount);
            db.AddRange(account, environmentalAccount, near, other);
            await db.SaveChangesAsync(Ct);
            return (near.Id, other.Id);
        });
        await EmbeddedAsync(near, EmbeddedKind.Content);
        await EmbeddedAsync(other, EmbeddedKind.Content);
        var index = app.Services.GetRequiredService<VectorIndexes>()[EmbeddedKind.Content];
        await WaitUntilAsync(() => index.Cosine(near, new float[SentenceModel.Dimensions]) is not null);
        using var seller = await app.ClientForAsync(Roles.Seller);
        using var created = await seller.PostAsJsonAsync("/api/v1/requests", new
        {
            activityType = "reference-call", neededBy = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)),
            useCase = "roll out across regional teams", criteria = new { industryId = environmental },
        }, Ct);
        var requestId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        var alternatives = (await seller.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{requestId}/matches", Ct))
            .GetProperty("alternatives").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToList();

        Assert.Equal(near, alternatives[0]);
        Assert.Contains(other, alternatives);
    }

    // The story reaches this instance's vector index within a refresh of its saving.
    private static async Task<JsonElement> SearchUntilAsync(HttpClient client, string url, Guid contactId)
    {
        for (var i = 0; i < 100; i++)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(url, Ct);
            if (page.GetProperty("items").EnumerateArray().FirstOrDefault(r => r.GetProperty("id").GetGuid() == contactId) is { ValueKind: JsonValueKind.Object } found)
            {
                return found;
            }
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException($"{url} did not find {contactId} within 10 s.");
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        for (var i = 0; i < 100 && !done(); i++)
        {
            await Task.Delay(100, Ct);
        }
    }

    private static List<Guid> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid())];
}
