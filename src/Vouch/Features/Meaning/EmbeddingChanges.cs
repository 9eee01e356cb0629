using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Features.Content;
using Vouch.Features.Ideas;

namespace Vouch.Features.Meaning;

/// <summary>
/// Notes, in the same save, the ideas, the contacts' stories and the content whose text is new, changed or deleted (<see cref="PendingEmbedding"/>), so their embedding
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
        var stories = context.ChangeTracker.Entries<Contact>()
            .Where(e => (e.State == EntityState.Added && Contact.StoryOf(e.Entity.UseCase, e.Entity.Results, e.Entity.Quotes).Length > 0)
                || (e.State == EntityState.Modified && (e.Property(c => c.UseCase).IsModified || e.Property(c => c.Results).IsModified
                    || e.Property(c => c.Quotes).IsModified || e.Property(c => c.DeletedAt).IsModified)))
            .Select(e => e.Entity.Id)
            .ToList();
        foreach (var id in stories)
        {
            context.Add(new PendingEmbedding { Kind = EmbeddedKind.Story, RecordId = id });
        }
        var content = context.ChangeTracker.Entries<ContentAsset>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted
                || (e.State == EntityState.Modified && (e.Property(c => c.Title).IsModified || e.Property(c => c.Summary).IsModified
                    || e.Property(c => c.FitsWhere).IsModified)))
            .Select(e => e.Entity.Id)
            .ToList();
        foreach (var id in content)
        {
            context.Add(new PendingEmbedding { Kind = EmbeddedKind.Content, RecordId = id });
        }
    }
}
