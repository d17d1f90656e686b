using EduCloud.Identity.Data;
using EduCloud.Identity.Domain;
using EduCloud.Identity.Features.Assignments;
using EduCloud.Kernel.Errors;
using EduCloud.Kernel.Privacy;
using EduCloud.Kernel.Scope;
using EduCloud.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace EduCloud.Identity.Features.Accounts;

/// <summary>
/// Opens many real-name accounts at once (a school's roll, the demo province). Every row is checked first and every
/// error is reported with its row number; then all rows go in one transaction, in batches, or none do.
/// One password hash is given for all rows: hashing thousands of passwords with PBKDF2 one by one takes minutes,
/// and bulk-opened accounts normally get a shared initial password that must be changed at first sign-in.
/// </summary>
internal static class ImportAccounts
{
    /// <summary>
    /// One account. The first node is the account's home; a teacher of several classes has one node per class.
    /// A parent's node may leave the class empty: it is then placed where its first child sits. Children are named by
    /// user name, either rows of the same import or existing accounts the caller can see.
    /// </summary>
    public sealed record Row(string? UserName, string? DisplayName, string? CitizenId, string? Phone,
        IReadOnlyList<RoleNode> Nodes, IReadOnlyList<string>? ChildUserNames = null, string? Relation = null);

    public sealed record Result(IReadOnlyList<Guid> AccountIds, int Assignments, int GuardianLinks);

    private const int BatchSize = 1000;

    public static async Task<Result> HandleAsync(IdentityDbContext db, IOrganizationDirectory directory, PersonalDataProtector protector,
        TimeProvider clock, IReadOnlyList<Row> rows, string passwordHash, bool mustChangePassword, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var now = clock.GetUtcNow().UtcDateTime;
        var placed = new Dictionary<RoleNode, ScopeKey?>();
        var byUserName = new Dictionary<string, (Account Account, int Row)>(StringComparer.OrdinalIgnoreCase);
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        var accounts = new List<(Row Row, Account Account, List<RoleAssignment> Assignments)>(rows.Count);
        var pendingParents = new HashSet<RoleAssignment>();

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var problems = new Problems();
            var userName = PersonalFields.CheckUserName(row.UserName, problems);
            PersonalFields.CheckName(row.DisplayName, problems);
            var citizenId = PersonalFields.CheckCitizenId(row.CitizenId, problems);
            var phone = PersonalFields.CheckPhone(row.Phone, problems);
            problems.Check(row.Nodes.Count > 0, "role", "至少需要一个角色");
            problems.MaxLength(row.Relation, 20, "relation", "关系");
            var assignments = new List<RoleAssignment>();
            foreach (var node in row.Nodes)
            {
                if (node.Role == Role.Parent && node.ClassId is null && node.SchoolId is null)
                {
                    // Placed after all rows are known, at the first child.
                    var pending = new RoleAssignment { Role = Role.Parent, CreatedAt = now };
                    pendingParents.Add(pending);
                    assignments.Add(pending);
                    continue;
                }
                if (!placed.TryGetValue(node, out var key))
                {
                    var nodeProblems = new Problems();
                    var resolved = await NodePlacement.ResolveAsync(directory, node, nodeProblems, ct);
                    placed[node] = key = nodeProblems.Any ? null : resolved;
                }
                problems.Check(key is not null, "role", $"{node.Role.ChineseName()}的所在机构无效");
                var assignment = new RoleAssignment { RegionCode = node.RegionCode, Subject = node.Subject, CreatedAt = now };
                assignment.PlaceAt(key ?? NodePlacement.National, node.Role);
                assignments.Add(assignment);
            }
            if (userName.Length > 0 && byUserName.TryGetValue(userName, out var earlier))
            {
                problems.Add("userName", $"用户名“{userName}”在第{earlier.Row + 1}行已出现");
            }
            var hash = citizenId is null ? null : protector.Hash(citizenId.Value);
            if (hash is not null && !hashes.Add(hash))
            {
                problems.Add("citizenId", "公民身份号码在本批中重复（一人一号）");
            }
            Collect(errors, i, problems);
            if (problems.Any || citizenId is null)
            {
                continue;
            }
            var account = new Account
            {
                UserName = userName,
                NormalizedUserName = userName.ToUpperInvariant(),
                DisplayName = row.DisplayName!.Trim(),
                PasswordHash = passwordHash,
                MustChangePassword = mustChangePassword,
                CreatedAt = now,
                UpdatedAt = now,
            };
            PersonalFields.Store(account, citizenId, phone, protector);
            foreach (var a in assignments)
            {
                a.AccountId = account.Id;
            }
            byUserName[userName] = (account, i);
            accounts.Add((row, account, assignments));
        }

        await CheckExistingAsync(db, accounts.Select(a => a.Account).ToList(), errors, rowOf: a => byUserName[a.UserName].Row, ct);
        var links = await LinkChildrenAsync(db, accounts, byUserName, pendingParents, errors, now, ct);
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var batch in accounts.Chunk(BatchSize))
        {
            foreach (var (_, account, assignments) in batch)
            {
                db.Accounts.Add(account);
                db.Assignments.AddRange(assignments);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        foreach (var batch in links.Chunk(BatchSize))
        {
            db.GuardianLinks.AddRange(batch);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(ct);
        return new Result(accounts.Select(a => a.Account.Id).ToList(), accounts.Sum(a => a.Assignments.Count), links.Count);
    }

    /// <summary>Places each account at its home node and links parents to children (from this import or existing, visible accounts).</summary>
    private static async Task<List<GuardianLink>> LinkChildrenAsync(IdentityDbContext db, List<(Row Row, Account Account, List<RoleAssignment> Assignments)> accounts,
        Dictionary<string, (Account Account, int Row)> byUserName, HashSet<RoleAssignment> pendingParents, Dictionary<string, string[]> errors,
        DateTime now, CancellationToken ct)
    {
        // Children first: a parent is placed where its first child sits, so the children must already be placed.
        foreach (var (_, account, assignments) in accounts.Where(a => a.Assignments.Count > 0 && !pendingParents.Contains(a.Assignments[0])))
        {
            account.PlaceAt(assignments[0].Key);
        }
        var outside = accounts.SelectMany(a => a.Row.ChildUserNames ?? []).Where(n => !byUserName.ContainsKey(n)).Select(n => n.ToUpperInvariant()).Distinct().ToList();
        var existing = new Dictionary<string, Account>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in outside.Chunk(500))
        {
            foreach (var a in await db.Accounts.AsNoTracking().Where(a => chunk.Contains(a.NormalizedUserName)).ToListAsync(ct))
            {
                existing[a.UserName] = a;
            }
        }
        var links = new List<GuardianLink>();
        foreach (var (row, account, assignments) in accounts)
        {
            var rowNumber = byUserName[account.UserName].Row;
            var children = new List<Account>();
            foreach (var name in row.ChildUserNames ?? [])
            {
                var child = byUserName.TryGetValue(name, out var inBatch) ? inBatch.Account : existing.GetValueOrDefault(name);
                if (child is null)
                {
                    AddError(errors, rowNumber, "childUserNames", $"关联的学生“{name}”不存在或不在您的管理范围内");
                    continue;
                }
                children.Add(child);
                links.Add(GuardianLink.Between(account.Id, child, row.Relation, now));
            }
            foreach (var parent in assignments.Where(pendingParents.Contains))
            {
                if (children.FirstOrDefault() is { } first)
                {
                    parent.PlaceAt(ScopeKey.Of(first), Role.Parent);
                }
                else
                {
                    AddError(errors, rowNumber, "childUserNames", "家长账号必须关联至少一名学生");
                }
            }
            if (assignments.Count > 0 && pendingParents.Contains(assignments[0]))
            {
                account.PlaceAt(assignments[0].Key);
            }
        }
        return links;
    }

    /// <summary>User names and citizen IDs already taken on the platform (across all scopes: one person, one account).</summary>
    private static async Task CheckExistingAsync(IdentityDbContext db, List<Account> accounts, Dictionary<string, string[]> errors, Func<Account, int> rowOf, CancellationToken ct)
    {
        foreach (var chunk in accounts.Chunk(500))
        {
            var names = chunk.Select(a => a.NormalizedUserName).ToList();
            var hashes = chunk.Select(a => a.CitizenIdHash).ToList();
            var takenNames = (await db.Accounts.IgnoreQueryFilters().Where(a => names.Contains(a.NormalizedUserName)).Select(a => a.NormalizedUserName).ToListAsync(ct)).ToHashSet();
            var takenIds = (await db.Accounts.IgnoreQueryFilters().Where(a => hashes.Contains(a.CitizenIdHash)).Select(a => a.CitizenIdHash).ToListAsync(ct)).ToHashSet();
            foreach (var a in chunk)
            {
                if (takenNames.Contains(a.NormalizedUserName))
                {
                    AddError(errors, rowOf(a), "userName", $"用户名“{a.UserName}”已被使用");
                }
                if (takenIds.Contains(a.CitizenIdHash))
                {
                    AddError(errors, rowOf(a), "citizenId", "该公民身份号码已有账号（一人一号）");
                }
            }
        }
    }

    private static void Collect(Dictionary<string, string[]> errors, int row, Problems problems)
    {
        try
        {
            problems.ThrowIfAny();
        }
        catch (ValidationFailedException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                foreach (var message in messages)
                {
                    AddError(errors, row, field, message);
                }
            }
        }
    }

    /// <summary>Errors are keyed rows[i].field (0-based, like the request) and say 第n行 (1-based, like a spreadsheet).</summary>
    private static void AddError(Dictionary<string, string[]> errors, int row, string field, string message)
    {
        var key = $"rows[{row}].{field}";
        var text = $"第{row + 1}行：{message}";
        errors[key] = errors.TryGetValue(key, out var existing) ? [.. existing, text] : [text];
    }
}
