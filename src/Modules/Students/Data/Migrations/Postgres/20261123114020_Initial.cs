using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EduCloud.Students.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "students");

            migrationBuilder.CreateTable(
                name: "stu_school_census",
                schema: "students",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    GradeLevel = table.Column<int>(type: "integer", nullable: false),
                    Sex = table.Column<int>(type: "integer", nullable: false),
                    EthnicityCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    UrbanRural = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Students = table.Column<int>(type: "integer", nullable: false),
                    LeftBehind = table.Column<int>(type: "integer", nullable: false),
                    Migrant = table.Column<int>(type: "integer", nullable: false),
                    Disabled = table.Column<int>(type: "integer", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_school_census", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "stu_status_change",
                schema: "students",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ReasonCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FromStatus = table.Column<int>(type: "integer", nullable: true),
                    ToStatus = table.Column<int>(type: "integer", nullable: false),
                    FromSchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ToSchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    FromClassId = table.Column<Guid>(type: "uuid", nullable: true),
                    ToClassId = table.Column<Guid>(type: "uuid", nullable: true),
                    FromGradeLevel = table.Column<int>(type: "integer", nullable: true),
                    ToGradeLevel = table.Column<int>(type: "integer", nullable: true),
                    FromStage = table.Column<int>(type: "integer", nullable: true),
                    ToStage = table.Column<int>(type: "integer", nullable: true),
                    BatchId = table.Column<Guid>(type: "uuid", nullable: true),
                    CancelsChangeId = table.Column<Guid>(type: "uuid", nullable: true),
                    CancelledByChangeId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_status_change", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "stu_student",
                schema: "students",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentNumber = table.Column<string>(type: "character varying(19)", maxLength: 19, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Sex = table.Column<int>(type: "integer", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CitizenIdCipher = table.Column<string>(type: "text", nullable: true),
                    CitizenIdHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CitizenIdMasked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    EthnicityCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    HukouRegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    HukouKind = table.Column<int>(type: "integer", nullable: false),
                    AddressCipher = table.Column<string>(type: "text", nullable: true),
                    AddressMasked = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LeftBehind = table.Column<bool>(type: "boolean", nullable: false),
                    Migrant = table.Column<bool>(type: "boolean", nullable: false),
                    Disability = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    GradeLevel = table.Column<int>(type: "integer", nullable: false),
                    GradeId = table.Column<Guid>(type: "uuid", nullable: true),
                    EntryYear = table.Column<int>(type: "integer", nullable: false),
                    UrbanRural = table.Column<int>(type: "integer", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    ConsentGuardianName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ConsentRecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClassId = table.Column<Guid>(type: "uuid", nullable: true),
                    guardians = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_student", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_stu_school_census_CityCode",
                schema: "students",
                table: "stu_school_census",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_school_census_CountyCode",
                schema: "students",
                table: "stu_school_census",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_school_census_ProvinceCode",
                schema: "students",
                table: "stu_school_census",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_school_census_SchoolId_Stage_GradeLevel_Sex_EthnicityCo~",
                schema: "students",
                table: "stu_school_census",
                columns: new[] { "SchoolId", "Stage", "GradeLevel", "Sex", "EthnicityCode", "UrbanRural", "Status" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_stu_status_change_BatchId",
                schema: "students",
                table: "stu_status_change",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_status_change_CityCode",
                schema: "students",
                table: "stu_status_change",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_status_change_ClassId",
                schema: "students",
                table: "stu_status_change",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_status_change_CountyCode",
                schema: "students",
                table: "stu_status_change",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_status_change_ProvinceCode",
                schema: "students",
                table: "stu_status_change",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_status_change_SchoolId",
                schema: "students",
                table: "stu_status_change",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_status_change_StudentId_RecordedAt",
                schema: "students",
                table: "stu_status_change",
                columns: new[] { "StudentId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_stu_student_CitizenIdHash",
                schema: "students",
                table: "stu_student",
                column: "CitizenIdHash");

            migrationBuilder.CreateIndex(
                name: "IX_stu_student_CityCode",
                schema: "students",
                table: "stu_student",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_student_ClassId",
                schema: "students",
                table: "stu_student",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_student_CountyCode",
                schema: "students",
                table: "stu_student",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_student_ProvinceCode",
                schema: "students",
                table: "stu_student",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_student_SchoolId",
                schema: "students",
                table: "stu_student",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_student_SchoolId_Status_Stage_GradeLevel",
                schema: "students",
                table: "stu_student",
                columns: new[] { "SchoolId", "Status", "Stage", "GradeLevel" });

            migrationBuilder.CreateIndex(
                name: "IX_stu_student_StudentNumber",
                schema: "students",
                table: "stu_student",
                column: "StudentNumber",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "stu_school_census",
                schema: "students");

            migrationBuilder.DropTable(
                name: "stu_status_change",
                schema: "students");

            migrationBuilder.DropTable(
                name: "stu_student",
                schema: "students");
        }
    }
}
