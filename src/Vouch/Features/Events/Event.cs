using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;
using Vouch.Features.Accounts;

namespace Vouch.Features.Events;

/// <summary>The kinds of event where customers meet each other and prospects.</summary>
public enum EventKind { UserGroup, AdvisoryBoard, Webinar, ProspectMixer, Conference, CustomerHosted }

/// <summary>An event: when and where it is, what it is about, how many it holds, and who hosts it.</summary>
public sealed class Event : IVersioned
{
    public const int TitleMaxLength = 200;
    public const int TopicMaxLength = 1_000;
    public const int PlaceMaxLength = 500;
    public const int MaxCapacity = 100_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public EventKind Kind { get; set; }
    public required string Title { get; set; }

    /// <summary>What it is about, in a sentence or two; matching reads it against a request's use case.</summary>
    public string? Topic { get; set; }
    public DateTimeOffset StartsAt { get; set; }

    /// <summary>The day it starts (UTC), kept beside <see cref="StartsAt"/> so that SQL compares it with deals' close days.</summary>
    public DateOnly StartsOn { get; set; }
    public DateTimeOffset? EndsAt { get; set; }

    /// <summary>Where it happens, or the link to join it (an absolute http or https address).</summary>
    public string? Place { get; set; }
    public int Capacity { get; set; }

    /// <summary>The customer hosting it, for a customer-hosted event.</summary>
    public Guid? HostAccountId { get; set; }
    public Account? HostAccount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Whether the place is a link to join rather than an address.</summary>
    public bool IsOnline => Place is not null && Uri.TryCreate(Place, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    /// <summary>The first moment after it: its end, or the end of its first day.</summary>
    public DateTimeOffset Over => EndsAt ?? new DateTimeOffset(StartsOn.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>"Prospect mixer", "User group".</summary>
    public static string Words(EventKind kind) => kind switch
    {
        EventKind.UserGroup => "User group",
        EventKind.AdvisoryBoard => "Advisory board",
        EventKind.ProspectMixer => "Prospect mixer",
        EventKind.CustomerHosted => "Customer-hosted event",
        _ => kind.ToString(),
    };
}

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.ToTable("Events");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Title).HasMaxLength(Event.TitleMaxLength);
        builder.Property(e => e.Topic).HasMaxLength(Event.TopicMaxLength);
        builder.Property(e => e.Place).HasMaxLength(Event.PlaceMaxLength);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne(e => e.HostAccount).WithMany().HasForeignKey(e => e.HostAccountId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => new { e.StartsAt, e.Id });
        builder.HasIndex(e => e.HostAccountId);
        builder.Ignore(e => e.IsOnline);
        builder.Ignore(e => e.Over);
    }
}
