using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Ideas;

namespace Vouch.Features.Meaning;

/// <summary>
/// Notes, in the same save, the ideas whose text is new or changed (<see cref="PendingEmbedding"/>), so their embedding
/// is worked out in the background and a save never waits for the model.
/// </summary>
public sealed class EmbeddingChanges : SynchronousSaveInterceptor
{
    protected override void Saving(DbContext context)
    {
        var ideas = context.ChangeTracker.Entries<Idea>()
            .Where(e => e.State == EntityState.Added
                || (e.State == EntityState.Modified && (e.Property(i => i.Title).IsModified || e.Property(i => i.Description).IsModified)))
            .Select(e => e.Entity.Id)
            .ToList();
        foreach (var id in ideas)
        {
            context.Add(new PendingEmbedding { Kind = EmbeddedKind.Idea, RecordId = id });
        }
    }
}
