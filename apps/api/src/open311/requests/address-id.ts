/**
 * The ticket has no field for the address_id of a city's master address repository, so it is kept
 * among the answers under this lower-case name, which no catalog attribute code (upper case) can take.
 */
export const ADDRESS_ID_ATTRIBUTE = 'address_id';
