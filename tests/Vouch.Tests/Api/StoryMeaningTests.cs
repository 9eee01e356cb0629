using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Data;
using Vouch.Features.Meaning;

namespace Vouch.Tests.Api;

/// <summary>Advocates' stories embedded in the background, and a request's use case matched against them by meaning.</summary>
public sealed class StoryMeaningTests(EmbeddingInBackgroundApp app) : IClassFixture<EmbeddingInBackgroundApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<TextEmbedding> EmbeddedAsync(Guid contactId, Func<TextEmbedding, bool> done)
    {
        for (var i = 0; i < 300; i++)
        {
            var stored = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().Set<TextEmbedding>().AsNoTracking()
                .SingleOrDefaultAsync(e => e.Kind == EmbeddedKind.Story && e.RecordId == contactId, Ct));
            if (stored is not null && done(stored))
            {
                return stored;
            }
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException("The story's embedding was not worked out within 30 s.");
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
}
