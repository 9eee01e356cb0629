using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Features.Accounts;

namespace Vouch.Features.Contacts;

public enum PersonalityStyle { Driver, Analytical, Expressive, Amiable }

/// <summary>How far a contact has come as an advocate; being a defender is a separate flag.</summary>
public enum AdvocacyStage { Customer, Promoter, Advocate, RockStar }

/// <summary>The five kinds of social capital an advocate may want in return for their time.</summary>
[Flags]
public enum SocialCapital
{
    None = 0,
    Affiliation = 1,
    Learning = 2,
    Reputation = 4,
    Status = 8,
    ProductSay = 16,
}

/// <summary>A person at a customer account, and a possible advocate.</summary>
public sealed class Contact
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 254;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AccountId { get; set; }
    public Account? Account { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public string? Title { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public PersonalityStyle? PersonalityStyle { get; set; }
    public SocialCapital SocialCapitalWanted { get; set; }
    public bool IsLeadUser { get; set; }
    public bool HelpsOthers { get; set; }
    public AdvocacyStage AdvocacyStage { get; set; }
    public bool IsDefender { get; set; }
    public string? ExternalId { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public string FullName => $"{FirstName} {LastName}";
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Property(c => c.FirstName).HasMaxLength(Contact.NameMaxLength);
        builder.Property(c => c.LastName).HasMaxLength(Contact.NameMaxLength);
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.Email).HasMaxLength(Contact.EmailMaxLength);
        builder.Property(c => c.Phone).HasMaxLength(40);
        builder.Property(c => c.PersonalityStyle).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.AdvocacyStage).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ExternalId).HasMaxLength(Account.ExternalIdMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.FullName);
        builder.HasOne(c => c.Account).WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.AccountId);
        builder.HasIndex(c => c.LastName);
        builder.HasIndex(c => c.Email);
        builder.HasIndex(c => c.ExternalId).IsUnique();
    }
}
