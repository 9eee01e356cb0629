using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Import;
using Vouch.Features.Tokens;

namespace Vouch.Features.Users;

public sealed record UserContactResponse(string Email, Guid? ContactId, string? Account);

public sealed record UserResponse(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool IsDisabled, DateTimeOffset CreatedAt);

/// <summary>
/// A user as an identity provider describes them over SCIM: who they are, and whether they may sign in. They sign in
/// through single sign-on, so they have no password; their roles come from the groups they are put in.
/// </summary>
public sealed record ProvisionedUser(string? Email, string? DisplayName, string? GivenName, string? FamilyName, string? ExternalId, bool Active);

/// <summary>
/// Adding, listing, disabling and provisioning users: one set of rules for the CLI, the API, the users page and the
/// identity providers that provision users over SCIM.
/// </summary>
public sealed class UserAdministration(UserManager<User> users, VouchDbContext db, AccessTokens tokens, TimeProvider clock)
{
    public static readonly Refusal NotFound = Refusal.NotFound("The user");

    /// <summary>Adds a user; one with a CRM id (<paramref name="externalId"/>) becomes the owner of the records imported with it.</summary>
    public async Task<CommandResult<UserResponse>> AddAsync(
        string? email, string? displayName, string? role, string? password, string? externalId = null)
    {
        var errors = new ValidationErrors();
        errors.MaxLength("externalId", externalId, User.ExternalIdMaxLength);
        externalId = string.IsNullOrWhiteSpace(externalId) ? null : externalId.Trim();
        if (externalId is not null && await db.Users.AnyAsync(u => u.ExternalId == externalId))
        {
            errors.Add("externalId", $"Another user already has the CRM id '{externalId}'.");
        }
        errors.Required("email", email, 254);
        errors.Required("password", password, 200);
        errors.MaxLength("displayName", displayName, User.DisplayNameMaxLength);
        var canonicalRole = string.IsNullOrWhiteSpace(role) ? null : Roles.Canonical(role);
        if (canonicalRole is null)
        {
            errors.Add("role", $"role must be one of {string.Join(", ", Roles.All)}.");
        }
        if (!string.IsNullOrWhiteSpace(email) && !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email.Trim()))
        {
            errors.Add("email", $"'{email}' is not an email address.");
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var address = email!.Trim();
        if (await users.FindByEmailAsync(address) is not null)
        {
            return Refusal.Invalid("email", $"A user with the email '{address}' already exists.");
        }
        var user = new User
        {
            UserName = address,
            Email = address,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? address.Split('@')[0] : displayName.Trim(),
            CreatedAt = clock.GetUtcNow(),
            ExternalId = externalId,
        };
        // Password rules are checked before anything is written, so a weak password leaves no user behind.
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, password!);
            foreach (var error in check.Errors)
            {
                errors.Add("password", error.Description);
            }
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var created = await users.CreateAsync(user, password!);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, canonicalRole!);
        }
        if (created.Succeeded && externalId is not null)
        {
            await CrmOwners.LinkAsync(db);
        }
        foreach (var error in created.Errors)
        {
            errors.Add(error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "email" : "user", error.Description);
        }
        return errors.IsEmpty ? await DescribeAsync(user) : Refusal.Invalid(errors);
    }

    public async Task<IReadOnlyList<UserResponse>> ListAsync(CancellationToken ct = default)
    {
        var roles = (await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(ur => ur.UserId, ur => ur.Name!);
        return (await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct))
            .Select(u => new UserResponse(u.Id, u.Email!, u.DisplayName, [.. roles[u.Id]], u.IsDisabled, u.CreatedAt))
            .ToList();
    }

    /// <summary>Disables a user: they cannot sign in, their session ends and their tokens stop working.</summary>
    public async Task<CommandResult<UserResponse>> DisableAsync(string email)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return NotFound;
        }
        await DisableAsync(user);
        return await DescribeAsync(user);
    }

    /// <summary>A new stamp ends the user's sessions on every instance; their tokens are refused while they are disabled.</summary>
    private async Task DisableAsync(User user)
    {
        user.IsDisabled = true;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
    }

    /// <summary>
    /// Adds a user an identity provider provisions, without a password or a role. A user it deleted before comes back
    /// (their history names them); a user with the email who is still here is a conflict.
    /// </summary>
    public async Task<CommandResult<User>> ProvisionAsync(ProvisionedUser profile)
    {
        if (Validate(profile) is { } invalid)
        {
            return invalid;
        }
        var existing = await users.FindByEmailAsync(profile.Email!.Trim());
        if (existing is { DeprovisionedAt: null })
        {
            return EmailTaken(existing.Email!);
        }
        var user = existing ?? new User { EmailConfirmed = true, CreatedAt = clock.GetUtcNow() };
        user.DeprovisionedAt = null;
        return await SaveProvisionedAsync(user, profile, isNew: existing is null);
    }

    /// <summary>Replaces what the identity provider keeps of a provisioned user; disabling them ends their sessions.</summary>
    public async Task<CommandResult<User>> UpdateProvisionedAsync(Guid id, ProvisionedUser profile)
    {
        var user = await FindProvisionedAsync(id);
        if (user is null)
        {
            return NotFound;
        }
        if (Validate(profile) is { } invalid)
        {
            return invalid;
        }
        if (await users.FindByEmailAsync(profile.Email!.Trim()) is { } other && other.Id != user.Id)
        {
            return EmailTaken(other.Email!);
        }
        return await SaveProvisionedAsync(user, profile, isNew: false);
    }

    /// <summary>
    /// Removes a user the identity provider deleted. Vouch never deletes a user (requests, ideas and the audit name them),
    /// so they are disabled, lose their roles and tokens, and are gone for the provider until it creates them again.
    /// </summary>
    public async Task<CommandResult> DeprovisionAsync(Guid id)
    {
        var user = await FindProvisionedAsync(id);
        if (user is null)
        {
            return NotFound;
        }
        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        user.DeprovisionedAt = clock.GetUtcNow();
        await DisableAsync(user);
        await tokens.RevokeAllAsync(user.Id);
        return CommandResult.Success;
    }

    /// <summary>
    /// Gives <paramref name="role"/> to exactly the users in <paramref name="members"/>, taking it from everyone else; an
    /// id of no user is refused before anything changes.
    /// </summary>
    public async Task<CommandResult> SetRoleMembersAsync(string role, IReadOnlySet<Guid> members, CancellationToken ct = default)
    {
        var known = await db.Users.Where(u => members.Contains(u.Id) && u.DeprovisionedAt == null).Select(u => u.Id).ToListAsync(ct);
        if (members.Except(known).ToList() is [var unknown, ..])
        {
            return Refusal.Invalid("members", $"No user has the id {unknown}.");
        }
        var current = (await users.GetUsersInRoleAsync(role)).ToDictionary(u => u.Id);
        foreach (var user in current.Values.Where(u => !members.Contains(u.Id)))
        {
            await users.RemoveFromRoleAsync(user, role);
        }
        foreach (var id in members.Where(id => !current.ContainsKey(id)))
        {
            await users.AddToRoleAsync((await users.FindByIdAsync(id.ToString()))!, role);
        }
        return CommandResult.Success;
    }

    /// <summary>A user SCIM may see: anyone the identity provider has not deleted.</summary>
    public async Task<User?> FindProvisionedAsync(Guid id) =>
        await db.Users.SingleOrDefaultAsync(u => u.Id == id && u.DeprovisionedAt == null);

    private static Refusal? Validate(ProvisionedUser profile)
    {
        var errors = new ValidationErrors();
        errors.Required("userName", profile.Email, 254);
        if (!string.IsNullOrWhiteSpace(profile.Email) && !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(profile.Email.Trim()))
        {
            errors.Add("userName", $"'{profile.Email}' is not an email address: Vouch users sign in with their email, so it is their user name.");
        }
        errors.MaxLength("displayName", profile.DisplayName, User.DisplayNameMaxLength);
        errors.MaxLength("name.givenName", profile.GivenName, User.NamePartMaxLength);
        errors.MaxLength("name.familyName", profile.FamilyName, User.NamePartMaxLength);
        errors.MaxLength("externalId", profile.ExternalId, User.ScimExternalIdMaxLength);
        return errors.IsEmpty ? null : Refusal.Invalid(errors);
    }

    private static Refusal EmailTaken(string email) =>
        Refusal.Conflict($"A user with the email '{email}' already exists.", "Find them by their userName and update them instead.");

    private async Task<CommandResult<User>> SaveProvisionedAsync(User user, ProvisionedUser profile, bool isNew)
    {
        var email = profile.Email!.Trim();
        var givenName = Trimmed(profile.GivenName);
        var familyName = Trimmed(profile.FamilyName);
        user.Email = user.UserName = email;
        user.GivenName = givenName;
        user.FamilyName = familyName;
        user.DisplayName = Trimmed(profile.DisplayName)
            ?? Trimmed($"{givenName} {familyName}")
            ?? email.Split('@')[0];
        user.ScimExternalId = Trimmed(profile.ExternalId);
        // Enabling is this save; disabling is DisableAsync's, which also ends the user's sessions.
        user.IsDisabled &= !profile.Active;
        var saved = isNew ? await users.CreateAsync(user) : await users.UpdateAsync(user);
        if (!saved.Succeeded)
        {
            var errors = new ValidationErrors();
            foreach (var error in saved.Errors)
            {
                errors.Add("userName", error.Description);
            }
            return Refusal.Invalid(errors);
        }
        if (!profile.Active && !user.IsDisabled)
        {
            await DisableAsync(user);
        }
        return user;
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// Makes the user a customer contact (or nobody, with null), so that what they do in the portal counts for the
    /// contact's account: their votes for ideas weigh with its value.
    /// </summary>
    public async Task<CommandResult<UserContactResponse>> LinkContactAsync(string email, Guid? contactId, CancellationToken ct = default)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return NotFound;
        }
        var contact = contactId is { } id
            ? await db.Contacts.Where(c => c.Id == id).Select(c => new { c.Id, Account = c.Account!.Name }).SingleOrDefaultAsync(ct)
            : null;
        if (contactId is not null && contact is null)
        {
            return Refusal.Invalid("contactId", $"No contact has the id {contactId}.");
        }
        user.ContactId = contact?.Id;
        await db.SaveChangesAsync(ct);
        return new UserContactResponse(user.Email!, contact?.Id, contact?.Account);
    }

    public async Task<User?> FindAsync(string email) => await users.FindByEmailAsync(email.Trim());

    private async Task<UserResponse> DescribeAsync(User user) =>
        new(user.Id, user.Email!, user.DisplayName, [.. await users.GetRolesAsync(user)], user.IsDisabled, user.CreatedAt);
}
