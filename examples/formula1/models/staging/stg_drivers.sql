with source as (

    select * from {{ ref('drivers') }}

),

renamed as (

    select
        driver_id,
        driver_ref,
        number as driver_number,
        code as driver_code,
        forename,
        surname,
        forename || ' ' || surname as driver_name,
        dob as date_of_birth,
        nationality as driver_nationality

    from source

)

select * from renamed
