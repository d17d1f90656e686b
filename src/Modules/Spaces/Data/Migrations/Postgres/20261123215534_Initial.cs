using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Spaces.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "spaces");

            migrationBuilder.CreateTable(
                name: "spc_attachment",
                schema: "spaces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    NoticeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Bytes = table.Column<long>(type: "bigint", nullable: false),
                    Format = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_attachment", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spc_group",
                schema: "spaces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Subject = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    LeaderId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeaderName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_group", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spc_group_member",
                schema: "spaces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsLeader = table.Column<bool>(type: "boolean", nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_group_member", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spc_message",
                schema: "spaces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ThreadId = table.Column<Guid>(type: "uuid", nullable: false),
                    SenderId = table.Column<Guid>(type: "uuid", nullable: false),
                    SenderName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_message", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spc_notice",
                schema: "spaces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SenderId = table.Column<Guid>(type: "uuid", nullable: false),
                    SenderName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SenderKind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    Audience = table.Column<int>(type: "integer", nullable: false),
                    NeedsAcknowledgement = table.Column<bool>(type: "boolean", nullable: false),
                    TargetNames = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RecipientCount = table.Column<int>(type: "integer", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_notice", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spc_notice_target",
                schema: "spaces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NoticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_notice_target", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spc_notification",
                schema: "spaces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Link = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ShowFrom = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SeenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_notification", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spc_observation",
                schema: "spaces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    ObserverId = table.Column<Guid>(type: "uuid", nullable: false),
                    ObserverName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TeacherId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeacherName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Topic = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ObservedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Ratings = table.Column<List<int>>(type: "integer[]", nullable: false),
                    Strengths = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Suggestions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_observation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spc_plan",
                schema: "spaces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Subject = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CurrentVersion = table.Column<int>(type: "integer", nullable: false),
                    LastNumber = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_plan", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spc_plan_comment",
                schema: "spaces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_plan_comment", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spc_plan_version",
                schema: "spaces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    BasedOn = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    EditorId = table.Column<Guid>(type: "uuid", nullable: false),
                    EditorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Objectives = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    Process = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    ResourceIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_plan_version", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spc_post",
                schema: "spaces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    Replies = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_post", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spc_preference",
                schema: "spaces",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Notices = table.Column<bool>(type: "boolean", nullable: false),
                    Messages = table.Column<bool>(type: "boolean", nullable: false),
                    PlanActivity = table.Column<bool>(type: "boolean", nullable: false),
                    QuietFromMinute = table.Column<int>(type: "integer", nullable: true),
                    QuietToMinute = table.Column<int>(type: "integer", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_preference", x => x.AccountId);
                });

            migrationBuilder.CreateTable(
                name: "spc_receipt",
                schema: "spaces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NoticeId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecipientRole = table.Column<int>(type: "integer", nullable: false),
                    ChildNames = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_receipt", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "spc_thread",
                schema: "spaces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TeacherId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeacherName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LastAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastText = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UnreadByTeacher = table.Column<int>(type: "integer", nullable: false),
                    UnreadByParent = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_spc_thread", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_spc_attachment_NoticeId",
                schema: "spaces",
                table: "spc_attachment",
                column: "NoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_spc_attachment_OwnerId",
                schema: "spaces",
                table: "spc_attachment",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_spc_group_SchoolId",
                schema: "spaces",
                table: "spc_group",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_spc_group_member_AccountId",
                schema: "spaces",
                table: "spc_group_member",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_spc_group_member_GroupId_AccountId",
                schema: "spaces",
                table: "spc_group_member",
                columns: new[] { "GroupId", "AccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_spc_message_ThreadId_SentAt",
                schema: "spaces",
                table: "spc_message",
                columns: new[] { "ThreadId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_spc_notice_SenderId_SentAt",
                schema: "spaces",
                table: "spc_notice",
                columns: new[] { "SenderId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_spc_notice_target_CityCode",
                schema: "spaces",
                table: "spc_notice_target",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_spc_notice_target_ClassId",
                schema: "spaces",
                table: "spc_notice_target",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_spc_notice_target_CountyCode",
                schema: "spaces",
                table: "spc_notice_target",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_spc_notice_target_NoticeId",
                schema: "spaces",
                table: "spc_notice_target",
                column: "NoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_spc_notice_target_ProvinceCode",
                schema: "spaces",
                table: "spc_notice_target",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_spc_notice_target_SchoolId",
                schema: "spaces",
                table: "spc_notice_target",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_spc_notification_RecipientId_ShowFrom",
                schema: "spaces",
                table: "spc_notification",
                columns: new[] { "RecipientId", "ShowFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_spc_observation_GroupId_ObservedOn",
                schema: "spaces",
                table: "spc_observation",
                columns: new[] { "GroupId", "ObservedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_spc_plan_AuthorId",
                schema: "spaces",
                table: "spc_plan",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_spc_plan_GroupId",
                schema: "spaces",
                table: "spc_plan",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_spc_plan_comment_PlanId_CreatedAt",
                schema: "spaces",
                table: "spc_plan_comment",
                columns: new[] { "PlanId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_spc_plan_version_PlanId_Number",
                schema: "spaces",
                table: "spc_plan_version",
                columns: new[] { "PlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_spc_post_GroupId_ParentId_LastAt",
                schema: "spaces",
                table: "spc_post",
                columns: new[] { "GroupId", "ParentId", "LastAt" });

            migrationBuilder.CreateIndex(
                name: "IX_spc_receipt_CityCode",
                schema: "spaces",
                table: "spc_receipt",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_spc_receipt_ClassId",
                schema: "spaces",
                table: "spc_receipt",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_spc_receipt_CountyCode",
                schema: "spaces",
                table: "spc_receipt",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_spc_receipt_NoticeId_RecipientId",
                schema: "spaces",
                table: "spc_receipt",
                columns: new[] { "NoticeId", "RecipientId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_spc_receipt_ProvinceCode",
                schema: "spaces",
                table: "spc_receipt",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_spc_receipt_RecipientId_SentAt",
                schema: "spaces",
                table: "spc_receipt",
                columns: new[] { "RecipientId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_spc_receipt_SchoolId",
                schema: "spaces",
                table: "spc_receipt",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_spc_thread_ParentId_LastAt",
                schema: "spaces",
                table: "spc_thread",
                columns: new[] { "ParentId", "LastAt" });

            migrationBuilder.CreateIndex(
                name: "IX_spc_thread_TeacherId_ParentId_ChildId",
                schema: "spaces",
                table: "spc_thread",
                columns: new[] { "TeacherId", "ParentId", "ChildId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "spc_attachment",
                schema: "spaces");

            migrationBuilder.DropTable(
                name: "spc_group",
                schema: "spaces");

            migrationBuilder.DropTable(
                name: "spc_group_member",
                schema: "spaces");

            migrationBuilder.DropTable(
                name: "spc_message",
                schema: "spaces");

            migrationBuilder.DropTable(
                name: "spc_notice",
                schema: "spaces");

            migrationBuilder.DropTable(
                name: "spc_notice_target",
                schema: "spaces");

            migrationBuilder.DropTable(
                name: "spc_notification",
                schema: "spaces");

            migrationBuilder.DropTable(
                name: "spc_observation",
                schema: "spaces");

            migrationBuilder.DropTable(
                name: "spc_plan",
                schema: "spaces");

            migrationBuilder.DropTable(
                name: "spc_plan_comment",
                schema: "spaces");

            migrationBuilder.DropTable(
                name: "spc_plan_version",
                schema: "spaces");

            migrationBuilder.DropTable(
                name: "spc_post",
                schema: "spaces");

            migrationBuilder.DropTable(
                name: "spc_preference",
                schema: "spaces");

            migrationBuilder.DropTable(
                name: "spc_receipt",
                schema: "spaces");

            migrationBuilder.DropTable(
                name: "spc_thread",
                schema: "spaces");
        }
    }
}
