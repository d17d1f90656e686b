using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Resources.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InteractionsAndTrading : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LicenceYears",
                schema: "resources",
                table: "res_resource",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RatingCount",
                schema: "resources",
                table: "res_resource",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "RatingSum",
                schema: "resources",
                table: "res_resource",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "UseCount",
                schema: "resources",
                table: "res_resource",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "res_budget_allocation",
                schema: "resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BudgetId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    PreviousCents = table.Column<long>(type: "bigint", nullable: false),
                    AllocatedCents = table.Column<long>(type: "bigint", nullable: false),
                    ById = table.Column<Guid>(type: "uuid", nullable: true),
                    ByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_budget_allocation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "res_class_push",
                schema: "resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClassName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeacherId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeacherName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PushedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_class_push", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "res_class_use",
                schema: "resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PushId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_class_use", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "res_comment",
                schema: "resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModeratedById = table.Column<Guid>(type: "uuid", nullable: true),
                    ModeratedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_comment", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "res_favourite",
                schema: "resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_favourite", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "res_oai_record",
                schema: "resources",
                columns: table => new
                {
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    SortKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Datestamp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Deleted = table.Column<bool>(type: "boolean", nullable: false),
                    StageCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubjectCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_oai_record", x => x.ResourceId);
                });

            migrationBuilder.CreateTable(
                name: "res_order",
                schema: "resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SchoolName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BudgetYear = table.Column<int>(type: "integer", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    LicenceYears = table.Column<int>(type: "integer", nullable: true),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EntitlementId = table.Column<Guid>(type: "uuid", nullable: false),
                    BuyerId = table.Column<Guid>(type: "uuid", nullable: true),
                    BuyerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PlacedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_order", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "res_rating",
                schema: "resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stars = table.Column<int>(type: "integer", nullable: false),
                    RatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_rating", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "res_school_budget",
                schema: "resources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    AllocatedCents = table.Column<long>(type: "bigint", nullable: false),
                    SpentCents = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_res_school_budget", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_res_budget_allocation_BudgetId_At",
                schema: "resources",
                table: "res_budget_allocation",
                columns: new[] { "BudgetId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_res_class_push_ClassId_PushedAt",
                schema: "resources",
                table: "res_class_push",
                columns: new[] { "ClassId", "PushedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_res_class_push_TeacherId",
                schema: "resources",
                table: "res_class_push",
                column: "TeacherId");

            migrationBuilder.CreateIndex(
                name: "IX_res_class_use_PushId_StudentId",
                schema: "resources",
                table: "res_class_use",
                columns: new[] { "PushId", "StudentId" });

            migrationBuilder.CreateIndex(
                name: "IX_res_comment_ResourceId_Status_CreatedAt",
                schema: "resources",
                table: "res_comment",
                columns: new[] { "ResourceId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_res_favourite_AccountId_ResourceId",
                schema: "resources",
                table: "res_favourite",
                columns: new[] { "AccountId", "ResourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_res_oai_record_Datestamp_SortKey",
                schema: "resources",
                table: "res_oai_record",
                columns: new[] { "Datestamp", "SortKey" });

            migrationBuilder.CreateIndex(
                name: "IX_res_oai_record_StageCode_SubjectCode_Datestamp",
                schema: "resources",
                table: "res_oai_record",
                columns: new[] { "StageCode", "SubjectCode", "Datestamp" });

            migrationBuilder.CreateIndex(
                name: "IX_res_order_Number",
                schema: "resources",
                table: "res_order",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_res_order_ProviderId_PlacedAt",
                schema: "resources",
                table: "res_order",
                columns: new[] { "ProviderId", "PlacedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_res_order_ResourceId_SchoolId",
                schema: "resources",
                table: "res_order",
                columns: new[] { "ResourceId", "SchoolId" });

            migrationBuilder.CreateIndex(
                name: "IX_res_order_SchoolId_PlacedAt",
                schema: "resources",
                table: "res_order",
                columns: new[] { "SchoolId", "PlacedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_res_rating_ResourceId_AccountId",
                schema: "resources",
                table: "res_rating",
                columns: new[] { "ResourceId", "AccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_res_school_budget_SchoolId_Year",
                schema: "resources",
                table: "res_school_budget",
                columns: new[] { "SchoolId", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "res_budget_allocation",
                schema: "resources");

            migrationBuilder.DropTable(
                name: "res_class_push",
                schema: "resources");

            migrationBuilder.DropTable(
                name: "res_class_use",
                schema: "resources");

            migrationBuilder.DropTable(
                name: "res_comment",
                schema: "resources");

            migrationBuilder.DropTable(
                name: "res_favourite",
                schema: "resources");

            migrationBuilder.DropTable(
                name: "res_oai_record",
                schema: "resources");

            migrationBuilder.DropTable(
                name: "res_order",
                schema: "resources");

            migrationBuilder.DropTable(
                name: "res_rating",
                schema: "resources");

            migrationBuilder.DropTable(
                name: "res_school_budget",
                schema: "resources");

            migrationBuilder.DropColumn(
                name: "LicenceYears",
                schema: "resources",
                table: "res_resource");

            migrationBuilder.DropColumn(
                name: "RatingCount",
                schema: "resources",
                table: "res_resource");

            migrationBuilder.DropColumn(
                name: "RatingSum",
                schema: "resources",
                table: "res_resource");

            migrationBuilder.DropColumn(
                name: "UseCount",
                schema: "resources",
                table: "res_resource");
        }
    }
}
