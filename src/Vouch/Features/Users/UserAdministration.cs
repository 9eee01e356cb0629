using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Import;

namespace Vouch.Features.Users;

public sealed record UserContactResponse(string Email, Guid? ContactId, string? Account);

public sealed record UserResponse(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool IsDisabled, DateTimeOffset CreatedAt);

/// <summary>Adding, listing and disabling users: one set of rules for the CLI, the API and the users page.</summary>
public sealed class UserAdministration(UserManager<User> users, VouchDbContext db, TimeProvider clock)
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
        user.IsDisabled = true;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        return await DescribeAsync(user);
    }

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
