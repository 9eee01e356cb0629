using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Ideas;
using Vouch.Features.Meaning;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Api;

/// <summary>The app as it runs, working out embeddings in the background.</summary>
public sealed class EmbeddingInBackgroundApp : VouchApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Meaning:EmbedInBackground", "true");
        builder.UseSetting("Meaning:RefreshSeconds", "1");
        builder.UseSetting("Meaning:IndexRefreshSeconds", "1");
    }
}

/// <summary>Ideas' stored embeddings: worked out after a save, never in it, and again when the text changes.</summary>
public sealed class IdeaEmbeddingTests(EmbeddingInBackgroundApp app) : IClassFixture<EmbeddingInBackgroundApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<TextEmbedding?> StoredAsync(Guid ideaId) => app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>()
        .Set<TextEmbedding>().AsNoTracking().SingleOrDefaultAsync(e => e.Kind == EmbeddedKind.Idea && e.RecordId == ideaId, Ct));

    private async Task<TextEmbedding> EventuallyAsync(Guid ideaId, Func<TextEmbedding, bool> done)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await StoredAsync(ideaId) is { } stored && done(stored))
            {
                return stored;
            }
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException("The idea's embedding was not worked out within 30 s.");
    }

    private static async Task<Guid> PostAsync(HttpClient author, string title, string? description)
    {
        using var response = await author.PostAsJsonAsync("/api/v1/ideas", new { title, description }, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IdeaResponse>(Ct))!.Id;
    }

    [Fact]
    public async Task A_new_idea_is_embedded_in_the_background_and_again_when_its_text_changes()
    {
        using var author = await app.ClientForAsync(Roles.Seller);
        var ideaId = await PostAsync(author, "Dark mode for the portal", "Reading the portal at night hurts the eyes.");

        var first = await EventuallyAsync(ideaId, _ => true);
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var idea = await db.Ideas.SingleAsync(i => i.Id == ideaId, Ct);
            idea.Title = "Export the portal's contacts to Excel";
            await db.SaveChangesAsync(Ct);
        });
        var second = await EventuallyAsync(ideaId, e => !e.Vector.SequenceEqual(first.Vector));

        Assert.Equal((SentenceModel.Name, SentenceModel.Dimensions), (first.Model, first.Vector.Length));
        var expected = app.Services.GetRequiredService<TextEmbedder>().Embed(
            EmbeddingWriter.TextOf("Export the portal's contacts to Excel", "Reading the portal at night hurts the eyes."), Ct)!;
        Assert.Equal(Embeddings.Quantize(expected), System.Runtime.InteropServices.MemoryMarshal.Cast<byte, sbyte>(second.Vector).ToArray());
        Assert.False(await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().Set<PendingEmbedding>().AnyAsync(Ct)));
    }

    [Fact]
    public async Task A_rewording_that_shares_no_word_is_found_first_by_its_meaning_but_not_called_a_duplicate()
    {
        using var author = await app.ClientForAsync(Roles.Seller);
        var posted = new List<Guid>();
        foreach (var (title, description) in new[]
        {
            ("Dark mode for the mobile app", "The white background is blinding when I check things at night."),
            ("Dark mode for email templates", "Our newsletters look broken in mail clients that use a dark theme."),
            ("Export pipeline to a spreadsheet", "Finance wants the quarter's deals in a file."),
        })
        {
            posted.Add(await PostAsync(author, title, description));
        }
        foreach (var id in posted)
        {
            await EventuallyAsync(id, _ => true);
        }

        var similar = await author.GetFromJsonAsync<List<SimilarIdea>>(
            "/api/v1/ideas/similar?text=" + Uri.EscapeDataString("A black background on the phone, easier on the eyes in bed"), Ct);

        var first = similar![0];
        Assert.Equal(posted[0], first.Id);
        Assert.True(first.Meaning > MeaningBlend.MeaningFloor, $"meaning {first.Meaning}");
        Assert.False(first.PossibleDuplicate);
        Assert.DoesNotContain(similar, s => s.Id == posted[2]);
    }

    [Fact]
    public async Task The_board_search_finds_an_idea_by_its_meaning_first_in_best_match_order_and_by_its_words_in_any()
    {
        using var author = await app.ClientForAsync(Roles.Seller);
        var ideaId = await PostAsync(author, "Offline mode for field technicians", "Technicians lose signal in basements and cannot log their visits.");
        await EventuallyAsync(ideaId, _ => true);

        Paged<IdeaSummary>? byMeaning = null;
        for (var i = 0; i < 100 && byMeaning?.Items.FirstOrDefault()?.Id != ideaId; i++)
        {
            // The embedding reaches this instance's vector index within a refresh.
            await Task.Delay(i == 0 ? 0 : 100, Ct);
            byMeaning = await author.GetFromJsonAsync<Paged<IdeaSummary>>("/api/v1/ideas?q=" + Uri.EscapeDataString("work without an internet connection"), Ct);
        }
        var byWords = await author.GetFromJsonAsync<Paged<IdeaSummary>>("/api/v1/ideas?sort=new&q=offline+mode", Ct);
        using var matchWithoutSearch = await author.GetAsync("/api/v1/ideas?sort=match", Ct);

        Assert.Equal(ideaId, byMeaning!.Items[0].Id);
        Assert.Equal(byMeaning.Total, byMeaning.Items.Count);
        Assert.Contains(byWords!.Items, i => i.Id == ideaId);
        Assert.Contains("give q", (await matchWithoutSearch.AssertValidationProblemAsync("sort")).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_text_is_always_the_first_match_however_long_and_emoji_alone_match_nothing()
    {
        using var author = await app.ClientForAsync(Roles.Seller);
        const string title = "Calendar sync for quarterly business reviews";
        var ideaId = await PostAsync(author, title, "Our QBRs should appear in everyone's calendar.");
        await EventuallyAsync(ideaId, _ => true);

        var same = await author.GetFromJsonAsync<List<SimilarIdea>>("/api/v1/ideas/similar?text=" + Uri.EscapeDataString(title), Ct);
        var emoji = await author.GetFromJsonAsync<List<SimilarIdea>>("/api/v1/ideas/similar?text=" + Uri.EscapeDataString("🙂🙂🎉"), Ct);
        // Longer than similar ideas read: the rest is left out, not refused.
        var longer = await author.GetFromJsonAsync<List<SimilarIdea>>("/api/v1/ideas/similar?text=" + Uri.EscapeDataString(title + string.Concat(Enumerable.Repeat(" please", 800))), Ct);

        Assert.Equal(ideaId, same![0].Id);
        Assert.True(same[0].PossibleDuplicate);
        Assert.True(same[0].Meaning > MeaningBlend.MeaningFloor, $"meaning {same[0].Meaning}");
        Assert.Empty(emoji!);
        Assert.Equal(ideaId, longer![0].Id);
    }

    [Fact]
    public async Task A_manager_sees_likely_duplicates_grouped_with_the_most_voted_first_and_an_advocate_may_not()
    {
        using var author = await app.ClientForAsync(Roles.Seller);
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var advocate = await app.ClientForAsync(Roles.Advocate);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var posted = new List<Guid>();
        foreach (var (title, description) in new[]
        {
            ($"Export the {tag} pipeline report to Excel", "Finance wants the numbers in a spreadsheet."),
            ($"Excel export of the {tag} pipeline report", "Please let us download it as an xlsx file."),
            ($"Import {tag} contacts from a CSV file", "Moving from our old CRM."),
        })
        {
            posted.Add(await PostAsync(author, title, description));
        }
        foreach (var id in posted)
        {
            await EventuallyAsync(id, _ => true);
        }
        using (var voted = await manager.PostAsync($"/api/v1/ideas/{posted[1]}/votes", null, Ct))
        {
            voted.EnsureSuccessStatusCode();
        }

        var clusters = await manager.GetFromJsonAsync<List<DuplicateCluster>>("/api/v1/ideas/duplicates", Ct);
        using var refused = await advocate.GetAsync("/api/v1/ideas/duplicates", Ct);

        var cluster = Assert.Single(clusters!, c => c.Ideas.Any(i => posted.Contains(i.Id)));
        // Other tests' ideas share the board; these two are together, the voted one first, and the import is not.
        Assert.Equal(posted[1], cluster.Ideas[0].Id);
        Assert.Contains(posted[0], cluster.Ideas.Select(i => i.Id));
        Assert.DoesNotContain(clusters!.SelectMany(c => c.Ideas), i => i.Id == posted[2]);
        Assert.Equal(cluster.Ideas.Sum(i => i.Votes), cluster.Votes);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task An_embedding_another_instance_stored_reaches_this_instances_index_within_seconds()
    {
        var author = (await app.AddUserAsync(Roles.Seller)).Id;
        var vector = app.Services.GetRequiredService<TextEmbedder>().Embed("Quarterly business review templates", Ct)!;
        var ideaId = await app.WithScopeAsync(async services =>
        {
            // As another instance writes it: straight to the database, not through this instance's writer.
            var db = services.GetRequiredService<VouchDbContext>();
            var idea = new Idea { Title = "QBR templates", Description = "", AuthorId = author, CreatedAt = DateTimeOffset.UtcNow };
            db.Ideas.Add(idea);
            await db.SaveChangesAsync(Ct);
            await db.Set<PendingEmbedding>().ExecuteDeleteAsync(Ct);
            await db.Set<TextEmbedding>().Where(e => e.RecordId == idea.Id).ExecuteDeleteAsync(Ct);
            db.Add(new TextEmbedding
            {
                Kind = EmbeddedKind.Idea, RecordId = idea.Id, Model = SentenceModel.Name, ComputedAt = DateTimeOffset.UtcNow,
                Vector = System.Runtime.InteropServices.MemoryMarshal.AsBytes(Embeddings.Quantize(vector).AsSpan()).ToArray(),
            });
            await db.SaveChangesAsync(Ct);
            return idea.Id;
        });

        var index = app.Services.GetRequiredService<VectorIndexes>()[EmbeddedKind.Idea];
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (index.Cosine(ideaId, vector) is null && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100, Ct);
        }

        Assert.InRange(index.Cosine(ideaId, vector) ?? 0, 0.99, 1.0001);
        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(5), $"{waited.Elapsed.TotalSeconds:F1} s");
    }
}

/// <summary>Working embeddings out as the job and <c>vouch ideas reindex</c> do, with no job running beside the test.</summary>
public sealed class IdeaEmbeddingBackfillTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<TextEmbedding?> StoredAsync(Guid ideaId) => app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>()
        .Set<TextEmbedding>().AsNoTracking().SingleOrDefaultAsync(e => e.Kind == EmbeddedKind.Idea && e.RecordId == ideaId, Ct));

    [Fact]
    public async Task Ideas_without_an_embedding_are_found_and_a_reindex_redoes_them_all()
    {
        var author = (await app.AddUserAsync(Roles.Seller)).Id;
        var ideaIds = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var ideas = Enumerable.Range(1, 3).Select(n => new Idea { Title = $"Bulk idea {n}", Description = "", AuthorId = author, CreatedAt = DateTimeOffset.UtcNow }).ToList();
            db.Ideas.AddRange(ideas);
            await db.SaveChangesAsync(Ct);
            // As a bulk load writes them: no note of their text.
            await db.Set<PendingEmbedding>().ExecuteDeleteAsync(Ct);
            await db.Set<TextEmbedding>().Where(e => ideas.Select(i => i.Id).Contains(e.RecordId)).ExecuteDeleteAsync(Ct);
            return ideas.Select(i => i.Id).ToList();
        });

        var backfilled = await app.WithScopeAsync(services => services.GetRequiredService<EmbeddingWriter>().BackfillAsync(null, Ct));
        var before = await StoredAsync(ideaIds[0]);
        var reindexed = await app.WithScopeAsync(services => services.GetRequiredService<EmbeddingWriter>().ReindexAsync(EmbeddedKind.Idea, null, Ct));
        var after = await StoredAsync(ideaIds[0]);

        Assert.True(backfilled >= 3, $"backfilled {backfilled}");
        foreach (var id in ideaIds)
        {
            Assert.NotNull(await StoredAsync(id));
        }
        Assert.Equal(await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().Ideas.CountAsync(Ct)), reindexed);
        Assert.True(after!.ComputedAt >= before!.ComputedAt);
    }
}
