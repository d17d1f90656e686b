using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EduCloud.Students.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TransfersDuplicatesImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "stu_duplicate_case",
                schema: "students",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CitizenIdHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StudentAId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentBId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolAId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolBId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerRole = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    KeptStudentId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReasonCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    FlaggedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ResolvedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ResolvedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_duplicate_case", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "stu_import_job",
                schema: "students",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Mode = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FileHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StoredFile = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ErrorReport = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Processed = table.Column<int>(type: "integer", nullable: false),
                    Imported = table.Column<int>(type: "integer", nullable: false),
                    Updated = table.Column<int>(type: "integer", nullable: false),
                    Unchanged = table.Column<int>(type: "integer", nullable: false),
                    Failed = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CancelRequested = table.Column<bool>(type: "boolean", nullable: false),
                    RequestedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    RequestedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_import_job", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "stu_transfer",
                schema: "students",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentNumber = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    StudentName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    OpenStudentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ReasonCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FromSchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromSchoolName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FromClassId = table.Column<Guid>(type: "uuid", nullable: true),
                    FromProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    FromCityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    FromCountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    ToClassId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToSchoolName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ToClassName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RejectionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    StartedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    StartedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ToProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    ToCityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    ToCountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    ToSchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    steps = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_transfer", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "stu_transfer_party",
                schema: "students",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TransferId = table.Column<Guid>(type: "uuid", nullable: false),
                    Side = table.Column<int>(type: "integer", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_transfer_party", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_stu_duplicate_case_CityCode",
                schema: "students",
                table: "stu_duplicate_case",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_duplicate_case_ClassId",
                schema: "students",
                table: "stu_duplicate_case",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_duplicate_case_CountyCode",
                schema: "students",
                table: "stu_duplicate_case",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_duplicate_case_ProvinceCode",
                schema: "students",
                table: "stu_duplicate_case",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_duplicate_case_SchoolId",
                schema: "students",
                table: "stu_duplicate_case",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_duplicate_case_Status",
                schema: "students",
                table: "stu_duplicate_case",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_stu_duplicate_case_StudentAId_StudentBId",
                schema: "students",
                table: "stu_duplicate_case",
                columns: new[] { "StudentAId", "StudentBId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_stu_import_job_CityCode",
                schema: "students",
                table: "stu_import_job",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_import_job_ClassId",
                schema: "students",
                table: "stu_import_job",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_import_job_CountyCode",
                schema: "students",
                table: "stu_import_job",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_import_job_ProvinceCode",
                schema: "students",
                table: "stu_import_job",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_import_job_SchoolId",
                schema: "students",
                table: "stu_import_job",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_import_job_SchoolId_CreatedAt",
                schema: "students",
                table: "stu_import_job",
                columns: new[] { "SchoolId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_stu_transfer_OpenStudentId",
                schema: "students",
                table: "stu_transfer",
                column: "OpenStudentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_stu_transfer_StartedAt",
                schema: "students",
                table: "stu_transfer",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_stu_transfer_StudentId",
                schema: "students",
                table: "stu_transfer",
                column: "StudentId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_transfer_party_CityCode",
                schema: "students",
                table: "stu_transfer_party",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_transfer_party_ClassId",
                schema: "students",
                table: "stu_transfer_party",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_transfer_party_CountyCode",
                schema: "students",
                table: "stu_transfer_party",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_transfer_party_ProvinceCode",
                schema: "students",
                table: "stu_transfer_party",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_transfer_party_SchoolId",
                schema: "students",
                table: "stu_transfer_party",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_transfer_party_TransferId_Side",
                schema: "students",
                table: "stu_transfer_party",
                columns: new[] { "TransferId", "Side" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "stu_duplicate_case",
                schema: "students");

            migrationBuilder.DropTable(
                name: "stu_import_job",
                schema: "students");

            migrationBuilder.DropTable(
                name: "stu_transfer",
                schema: "students");

            migrationBuilder.DropTable(
                name: "stu_transfer_party",
                schema: "students");
        }
    }
}
